namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// NexHealth's documented examples. <see cref="Authenticated"/> is the body on docs.nexhealth.com/v3.1.0/reference/authenticates,
/// <see cref="NoAccess"/> the one on docs.nexhealth.com/reference/errors. NexHealth's OpenAPI (v3.0.0 / v20240412, read from its
/// copy in api-evangelist/nexhealth) gives an example per field but no whole body, so <see cref="Patients"/>,
/// <see cref="Appointments"/> and <see cref="SyncStatus"/> are those field examples put together, with <c>code</c> true (the
/// schema's example says false) and the patient's <c>hipaa</c> block left out.
/// </summary>
public static class NexHealthDocumentedExamples
{
    public const string Authenticated = """
        {
            "code": true,
            "data": {
                "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwic2NwIjoiYXBpX3VzZXIiLCJpYXQiOjE2Mjg3NDMyNzksImV4cCI6MTYyODc0Njg3OSwianRpIjoiNjYxNjY4YWYtMTZkYS00OWFhLTljM2ItNmI0MDNiOTQxZWExIn0.hzbAv-Bx8vhEMXM1sGmAa9tO3WzUyvgBN8aw4tdOrG0"
            },
            "description": "Authenticated",
            "error": []
        }
        """;

    public const string NoAccess = """
        {
          "code": false,
          "description": null,
          "data": null,
          "error": ["You don't have access to perform this action."]
        }
        """;

    public const string Patients = """
        {"code": true, "description": "Description", "error": [], "data": [{"id": 415, "email": "Amy.Ramos@nexhealth.com", "first_name": "John",
          "middle_name": "Anthony", "last_name": "Smith", "name": "John Smith", "created_at": "2020-06-05T20:16:57.007Z", "updated_at": "2020-06-05T20:16:57.007Z",
          "institution_id": 105, "foreign_id": "100437", "foreign_id_type": "--DataSource-", "bio": {"city": "New York", "state": "NY", "gender": "Female",
          "zip_code": "20814", "new_patient": false, "non_patient": true, "phone_number": "5163042196", "date_of_birth": "1964-05-03", "address_line_1": "",
          "address_line_2": "", "street_address": "", "cell_phone_number": "", "home_phone_number": "", "work_phone_number": ""}, "inactive": false,
          "last_sync_time": "2024-04-12T10:30:00Z", "guarantor_id": 472, "billing_type": "Standard Billing - finance charges", "chart_id": "017407",
          "preferred_language": "es", "provider_id": 23}],
         "page_info": {"has_previous_page": false, "has_next_page": false, "start_cursor": "AAAAA", "end_cursor": "BBBBBB"}}
        """;

    public const string Appointments = """
        {"code": true, "description": "Description", "error": [], "data": [{"id": 1822, "patient_id": 2897, "provider_id": 104, "provider_name": "Dr. John Smith",
          "start_time": "2020-06-05T20:16:57.007Z", "confirmed": true, "patient_missed": false, "created_at": "2020-06-05T20:16:57.007Z",
          "updated_at": "2020-06-05T20:16:57.007Z", "note": "Patient has been having a cough for 3 days", "end_time": "2020-06-05T20:16:57.007Z",
          "unavailable": false, "cancelled": false, "timezone": "America/New_York", "institution_id": 1, "appointment_type_id": 27,
          "checkin_at": "2020-06-05T20:16:57.007Z", "location_id": 1, "foreign_id": "94", "foreign_id_type": "msg-dentrix-DataSource-100",
          "misc": {"is_booked_on_nexhealth": true}, "last_sync_time": "2020-06-05T20:16:57.007Z", "patient_confirmed": false, "created_by_user_id": 197,
          "is_guardian": false, "patient_confirmed_at": "2020-06-05T20:16:57.007Z", "cancelled_at": "2020-06-05T20:16:57.007Z", "is_new_clients_patient": false,
          "confirmed_at": "2020-06-05T20:16:57.007Z", "sooner_if_possible": false, "operatory_id": 181, "checked_out": false,
          "checked_out_at": "2020-06-05T20:16:57.007Z", "referrer": "http://mypractice.com/book", "is_past_patient": true, "timezone_offset": "-4:00"}],
         "page_info": {"has_previous_page": false, "has_next_page": false, "start_cursor": "AAAAA", "end_cursor": "BBBBBB"}}
        """;

    public const string SyncStatus = """
        {"code": true, "description": "Description", "error": [], "data": [{"institution_id": 1, "sync_source_type": "DataSource", "sync_source_name": "My Source",
          "emr": {"id": 11, "name": "dentrix", "display_name": "Dentrix", "type": "onprem"}, "read_status": "green", "read_status_at": "2020-06-05T20:16:57.007Z",
          "write_status": "red", "write_status_at": "2020-06-05T20:16:57.007Z", "locations": [{"id": 7, "name": "Default", "street_address": "123 Law St",
          "street_address_2": "85335, North East", "city": "New York", "state": "NY", "zip_code": "54700", "phone_number": "8888750851",
          "email": "defaultLocation@nexhealth.com", "inactive": false}]}], "count": 2}
        """;
}
