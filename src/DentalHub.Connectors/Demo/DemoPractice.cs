using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// A deterministic sample practice: families with a guarantor, children and partners, plus a few
/// records with the problems real PMS data has (missing or impossible birthdates, a missing name,
/// a bad e-mail, an over-long name, two patients with the same name and birthdate).
/// </summary>
public sealed record DemoPractice(IReadOnlyList<PmsPatient> Patients)
{
    /// <summary>The seed the practice was generated from; its schedule and accounts are generated from it too.</summary>
    public int Seed { get; init; }

    /// <summary>The records with problems: they get no appointments, coverages or ledger lines (most never import).</summary>
    public IReadOnlySet<string> ProblemPatientIds { get; init; } = new HashSet<string>();

    private static readonly string[] LastNames =
    [
        "Anderson", "Bennett", "Castillo", "D'Angelo", "Eriksen", "Fontaine", "García", "Hughes", "Ibarra", "Jensen",
        "Kowalski", "Lefèvre", "Martínez", "Nguyen", "O'Brien", "Patel", "Quinn", "Rossi", "Smith-Jones", "Tanaka",
        "Underwood", "Valdez", "Whitaker", "Xu", "Young", "Zimmerman", "Brooks", "Carter", "Delgado", "Ellis",
    ];

    private static readonly string[] AdultFirstNames =
    [
        "Maria", "James", "Aisha", "Robert", "Chloé", "David", "Elena", "Michael", "Fatima", "William",
        "Grace", "Daniel", "Hannah", "Joseph", "Isabel", "Thomas", "Julia", "Carlos", "Karen", "Andrew",
    ];

    private static readonly string[] ChildFirstNames =
    [
        "Liam", "Olivia", "Noah", "Emma", "Mateo", "Ava", "Lucas", "Sophia", "Ethan", "Mia",
        "Zoë", "Leo", "Amelia", "Owen", "Harper", "Jack", "Nora", "Eli", "Luna", "Finn",
    ];

    /// <summary>When the sample practice last changed; fixed so that generated data is stable.</summary>
    public static readonly DateTimeOffset ChangedAt = new(2026, 1, 5, 14, 0, 0, TimeSpan.Zero);

    public static DemoPractice Generate(int seed, int families = 110)
    {
        var random = new Random(seed);
        var patients = new List<PmsPatient>();
        var nextId = 1;
        for (var family = 0; family < families; family++)
        {
            var lastName = LastNames[random.Next(LastNames.Length)];
            var guarantor = Adult(nextId++, null, lastName, random);
            patients.Add(guarantor);
            if (random.NextDouble() < 0.6)
            {
                patients.Add(Adult(nextId++, guarantor.PmsId, lastName, random));
            }
            var children = random.Next(0, 4);
            for (var child = 0; child < children; child++)
            {
                patients.Add(Child(nextId++, guarantor.PmsId, lastName, random));
            }
        }
        var problems = ProblemRecords(ref nextId).ToList();
        patients.AddRange(problems);
        return new DemoPractice(patients) { Seed = seed, ProblemPatientIds = problems.Select(p => p.PmsId).ToHashSet() };
    }

    private static PmsPatient Adult(int id, string? guarantorId, string lastName, Random random)
    {
        var first = AdultFirstNames[random.Next(AdultFirstNames.Length)];
        var birth = new DateOnly(1955 + random.Next(0, 45), 1 + random.Next(12), 1 + random.Next(28));
        return Patient(id, guarantorId, first, lastName, birth, random.Next(2) == 0 ? PmsGender.Female : PmsGender.Male, random);
    }

    private static PmsPatient Child(int id, string guarantorId, string lastName, Random random)
    {
        var first = ChildFirstNames[random.Next(ChildFirstNames.Length)];
        var birth = new DateOnly(2008 + random.Next(0, 16), 1 + random.Next(12), 1 + random.Next(28));
        return Patient(id, guarantorId, first, lastName, birth, random.Next(2) == 0 ? PmsGender.Female : PmsGender.Male, random);
    }

    private static PmsPatient Patient(int id, string? guarantorId, string first, string last, DateOnly? birth, PmsGender gender, Random random)
    {
        var status = random.NextDouble() switch
        {
            < 0.85 => PmsPatientStatus.Active,
            < 0.95 => PmsPatientStatus.Inactive,
            _ => PmsPatientStatus.Archived,
        };
        var slug = Slug(first) + "." + Slug(last);
        return new PmsPatient(
            PmsId: id.ToString(CultureInfo.InvariantCulture),
            GuarantorPmsId: guarantorId ?? id.ToString(CultureInfo.InvariantCulture),
            FirstName: first,
            LastName: last,
            MiddleName: null,
            PreferredName: null,
            BirthDate: birth,
            Gender: gender,
            Status: status,
            Email: $"{slug}{id}@example.com",
            Phones: new PmsPhones(null, $"(555) 01{random.Next(0, 10)}-{random.Next(1000, 9999)}", null),
            Address: new PmsAddress($"{100 + random.Next(9800)} Sample Street", null, "Springfield", "IL", "62701"),
            ClinicId: "1",
            PrimaryProviderId: random.Next(2) == 0 ? "DOC1" : "DOC2",
            ChangedAt: ChangedAt.AddMinutes(id));
    }

    private static IEnumerable<PmsPatient> ProblemRecords(ref int nextId)
    {
        var random = new Random(7);
        var problems = new List<PmsPatient>
        {
            Patient(nextId++, null, "Peter", "Nobirth", null, PmsGender.Male, random),
            Patient(nextId++, null, "Olga", "Zerodate", new DateOnly(1, 1, 1), PmsGender.Female, random),
            Patient(nextId++, null, "", "Nofirstname", new DateOnly(1980, 3, 4), PmsGender.Unknown, random),
            Patient(nextId++, null, "Sam", "Twice", new DateOnly(1990, 6, 15), PmsGender.Male, random),
            Patient(nextId++, null, "Sam", "Twice", new DateOnly(1990, 6, 15), PmsGender.Male, random),
            Patient(nextId++, null, "Maxwell", new string('W', 120), new DateOnly(1975, 9, 9), PmsGender.Male, random),
        };
        var badEmail = Patient(nextId++, null, "Rita", "Bademail", new DateOnly(1988, 2, 2), PmsGender.Female, random);
        problems.Add(badEmail with { Email = "rita.bademail@" });
        return problems;
    }

    private static string Slug(string value) =>
        new string(value.Normalize(System.Text.NormalizationForm.FormD)
            .Where(char.IsAsciiLetter)
            .ToArray()).ToLowerInvariant();
}
