using System.Globalization;

namespace DentalHub.Launch;

/// <summary>Reads a PMS launch URL's parameters (names as topsOrtho-style integrations send them).</summary>
public static class LaunchQuery
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyyMMdd"];

    public static LaunchRequest From(IQueryCollection query) => new(
        Pms: query["pms"],
        ConnectionId: Guid.TryParse(query["connection"], out var id) ? id : null,
        PmsPatientId: query["patientId"],
        FirstName: query["firstName"],
        LastName: query["lastName"],
        BirthDate: BirthDate(First(query, "birthDate", "dob")),
        Email: query["email"],
        HomePhone: query["homePhone"],
        MobilePhone: First(query, "mobilePhone", "cellPhone"),
        AccountHolderId: First(query, "accountHolderId", "guarantorId"));

    public static DateOnly? BirthDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? First(IQueryCollection query, params string[] names) =>
        names.Select(n => (string?)query[n]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
