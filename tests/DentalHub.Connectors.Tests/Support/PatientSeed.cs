using System.Globalization;
using System.Text;

namespace DentalHub.Connectors.Tests.Support;

/// <summary>
/// A row for Open Dental's patient table as a test arranges it. Dates are SQL literals so tests can
/// write what Open Dental writes ('0001-01-01', '0000-00-00'); DateTStamp is UTC.
/// </summary>
public sealed record PatientSeed(
    long PatNum,
    string FName,
    string LName,
    string Birthdate = "1980-05-17",
    long Guarantor = 0,
    int PatStatus = 0,
    int Gender = 2,
    string MiddleI = "",
    string Preferred = "",
    string Email = "",
    string HmPhone = "",
    string WirelessPhone = "",
    string WkPhone = "",
    string Address = "",
    string Address2 = "",
    string City = "",
    string State = "",
    string Zip = "",
    long ClinicNum = 0,
    long PriProv = 1,
    string DateTStamp = "2024-03-01 10:00:00")
{
    public string Id => PatNum.ToString(CultureInfo.InvariantCulture);

    public static string InsertSql(IEnumerable<PatientSeed> patients)
    {
        var sql = new StringBuilder(
            "INSERT INTO patient (PatNum, Guarantor, FName, LName, MiddleI, Preferred, Birthdate, Gender, PatStatus, Email, " +
            "HmPhone, WirelessPhone, WkPhone, Address, Address2, City, State, Zip, ClinicNum, PriProv, DateTStamp) VALUES ");
        sql.AppendJoin(",\n", patients.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"({p.PatNum}, {p.Guarantor}, {Quote(p.FName)}, {Quote(p.LName)}, {Quote(p.MiddleI)}, {Quote(p.Preferred)}, " +
            $"{Quote(p.Birthdate)}, {p.Gender}, {p.PatStatus}, {Quote(p.Email)}, {Quote(p.HmPhone)}, {Quote(p.WirelessPhone)}, " +
            $"{Quote(p.WkPhone)}, {Quote(p.Address)}, {Quote(p.Address2)}, {Quote(p.City)}, {Quote(p.State)}, {Quote(p.Zip)}, " +
            $"{p.ClinicNum}, {p.PriProv}, {Quote(p.DateTStamp)})")));
        return sql.ToString();
    }

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
