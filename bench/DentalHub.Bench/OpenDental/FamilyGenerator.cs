using System.Globalization;
using System.Text;

namespace DentalHub.Bench.OpenDental;

/// <summary>A row for Open Dental's patient table; dates are SQL literals ('0001-01-01' is Open Dental's "no date").</summary>
public sealed record OdPatient(
    long PatNum, long Guarantor, string FName, string LName, string MiddleI, string Preferred, string Birthdate,
    int Gender, int PatStatus, string Email, string HmPhone, string WirelessPhone, string WkPhone,
    string Address, string Address2, string City, string State, string Zip, long ClinicNum, long PriProv, string DateTStamp);

/// <summary>
/// Generates a practice's patients in families (a guarantor and 0–3 dependents sharing address, home
/// phone and usually last name), deterministic for a seed, with about 0.3 % bad rows of the kinds a
/// real Open Dental database holds: no birthdate, no first or last name, a birthdate in the future,
/// malformed e-mail addresses, and a chart entered twice.
/// </summary>
public sealed class FamilyGenerator(int seed, int referenceYear)
{
    public const double BadRowShare = 0.003;
    private readonly Random random = new(seed);

    public List<OdPatient> Generate(int count)
    {
        var patients = new List<OdPatient>(count);
        while (patients.Count < count)
        {
            AddFamily(patients, Math.Min(count - patients.Count, 1 + Pick([35, 25, 25, 15])));
        }
        SpoilSome(patients);
        return patients;
    }

    private void AddFamily(List<OdPatient> patients, int size)
    {
        var guarantorNum = patients.Count + 1L;
        var town = SampleNames.Towns[random.Next(SampleNames.Towns.Length)];
        var lastName = Any(SampleNames.Last);
        var address = $"{random.Next(1, 9999)} {Any(SampleNames.Streets)}";
        var address2 = random.Next(10) == 0 ? $"Apt {random.Next(1, 400)}" : "";
        var zip = town.ZipPrefix + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture);
        var homePhone = random.Next(10) < 6 ? Phone(town.AreaCode) : "";
        var clinic = random.Next(1, 4);
        var provider = random.Next(1, 7);
        var guarantorAge = random.Next(22, 86);
        var guarantorGender = random.Next(2);
        for (var member = 0; member < size; member++)
        {
            var spouse = member == 1 && random.Next(2) == 0;
            var (age, gender) = member switch
            {
                0 => (guarantorAge, guarantorGender),
                _ when spouse => (Math.Clamp(guarantorAge + random.Next(-5, 6), 18, 95), 1 - guarantorGender),
                _ => (random.Next(0, Math.Clamp(guarantorAge - 18, 1, 26)), random.Next(2)),
            };
            var first = Any(gender == 0 ? SampleNames.Male : SampleNames.Female);
            var last = spouse && random.Next(100) < 15 ? Any(SampleNames.Last) : lastName;
            var adult = age >= 18;
            patients.Add(new OdPatient(
                PatNum: patients.Count + 1L,
                Guarantor: guarantorNum,
                FName: first,
                LName: last,
                MiddleI: random.Next(10) < 3 ? ((char)('A' + random.Next(26))).ToString() : "",
                Preferred: random.Next(100) < 8 ? Any(gender == 0 ? SampleNames.Male : SampleNames.Female) : "",
                Birthdate: BirthDate(age),
                Gender: random.Next(200) == 0 ? 2 : gender,
                PatStatus: Pick([88, 3, 6, 2, 0, 1]),
                Email: (adult ? random.Next(100) < 75 : age > 14 && random.Next(100) < 20) ? Email(first, last) : "",
                HmPhone: homePhone,
                WirelessPhone: (adult ? random.Next(100) < 85 : age > 13 && random.Next(2) == 0) ? Phone(town.AreaCode) : "",
                WkPhone: adult && random.Next(100) < 25 ? Phone(town.AreaCode) : "",
                Address: address,
                Address2: address2,
                City: town.City,
                State: town.State,
                Zip: zip,
                ClinicNum: clinic,
                PriProv: provider,
                DateTStamp: Stamp()));
        }
    }

    private void SpoilSome(List<OdPatient> patients)
    {
        var bad = (int)Math.Round(patients.Count * BadRowShare);
        for (var i = 0; i < bad; i++)
        {
            var index = random.Next(patients.Count);
            var p = patients[index];
            patients[index] = (i % 20) switch
            {
                < 7 => p with { Birthdate = "0001-01-01" },
                7 => p with { Birthdate = "0000-00-00" },
                < 11 => p with { FName = "" },
                11 => p with { LName = " " },
                < 14 => p with { Birthdate = $"{referenceYear + 2}-0{random.Next(1, 10)}-1{random.Next(0, 10)}" },
                < 18 => p with { Email = string.Format(CultureInfo.InvariantCulture, Any(SampleNames.BadEmails), Ascii(p.FName).ToLowerInvariant()) },
                _ => CopyOfAnotherChart(p, patients[random.Next(patients.Count)]),
            };
        }
    }

    // The same person entered twice: name and birthdate of another chart, in a family of its own.
    private static OdPatient CopyOfAnotherChart(OdPatient row, OdPatient original) =>
        row with { FName = original.FName, LName = original.LName, Birthdate = original.Birthdate };

    private string BirthDate(int age)
    {
        var date = new DateOnly(referenceYear - age, 1, 1).AddDays(random.Next(0, 365));
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // Last changed some time in the three years before the reference year ends: long settled.
    private string Stamp()
    {
        var stamp = new DateTime(referenceYear - 2, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.NextInt64(0, 3L * 365 * 24 * 3600));
        return stamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private string Phone(string areaCode) =>
        string.Create(CultureInfo.InvariantCulture, $"({areaCode}){random.Next(200, 1000)}-{random.Next(0, 10000):0000}");

    private string Email(string first, string last)
    {
        var local = random.Next(3) switch
        {
            0 => $"{Ascii(first)}.{Ascii(last)}",
            1 => $"{Ascii(first)[0]}{Ascii(last)}{random.Next(1, 100)}",
            _ => $"{Ascii(first)}{random.Next(1950, 2015)}",
        };
        return $"{local.ToLowerInvariant()}@{Any(SampleNames.EmailDomains)}";
    }

    private static string Ascii(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(c);
            }
        }
        return text.Length == 0 ? "patient" : text.ToString();
    }

    private string Any(string[] values) => values[random.Next(values.Length)];

    // Picks an index with the given weights (percent).
    private int Pick(int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
