using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>A patient as <see cref="OpenDentalApiTestDouble"/> holds it, written as apipatients.html shows.</summary>
public sealed record DoublePatient(
    long PatNum,
    string FName,
    string LName,
    DateTime DateTStamp,
    string Birthdate = "1980-05-17",
    long Guarantor = 0,
    string PatStatus = "Patient",
    string Gender = "Unknown",
    string MiddleI = "",
    string Preferred = "",
    string Email = "",
    string HmPhone = "",
    string WkPhone = "",
    string WirelessPhone = "",
    string Address = "",
    string Address2 = "",
    string City = "",
    string State = "",
    string Zip = "",
    long ClinicNum = 0,
    long PriProv = 1,
    string SecDateEntry = "2021-12-04")
{
    public Dictionary<string, object> ToJson(string serverDateTime) => new()
    {
        ["serverDateTime"] = serverDateTime,
        ["PatNum"] = PatNum,
        ["LName"] = LName,
        ["FName"] = FName,
        ["MiddleI"] = MiddleI,
        ["Preferred"] = Preferred,
        ["PatStatus"] = PatStatus,
        ["Gender"] = Gender,
        ["Position"] = "Single",
        ["Birthdate"] = Birthdate,
        ["SSN"] = "",
        ["Address"] = Address,
        ["Address2"] = Address2,
        ["City"] = City,
        ["State"] = State,
        ["Zip"] = Zip,
        ["HmPhone"] = HmPhone,
        ["WkPhone"] = WkPhone,
        ["WirelessPhone"] = WirelessPhone,
        ["Guarantor"] = Guarantor,
        ["Email"] = Email,
        ["EstBalance"] = 0.0,
        ["PriProv"] = PriProv,
        ["priProvAbbr"] = "DOC",
        ["BillingType"] = "Standard Account",
        ["ClinicNum"] = ClinicNum,
        ["clinicAbbr"] = "",
        ["DateTStamp"] = DateTStamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["TxtMsgOk"] = "Unknown",
        ["SecDateEntry"] = SecDateEntry,
    };

    /// <summary>Families of three (guarantor, partner, child) stamped a little apart, for paging tests.</summary>
    public static IEnumerable<DoublePatient> Practice(int count, DateTime stampedFrom)
    {
        for (var i = 1; i <= count; i++)
        {
            var head = i - ((i - 1) % 3);
            yield return new DoublePatient(
                PatNum: i,
                FName: $"First{i}",
                LName: $"Family{head}",
                DateTStamp: stampedFrom.AddMinutes(i % 17),
                Guarantor: head,
                Gender: i % 2 == 0 ? "Female" : "Male");
        }
    }
}
