using DentalHub.Data;

namespace DentalHub.Patients.Phones;

/// <summary>
/// Fills <c>PatientPhones</c> from the numbers profiles already hold, in SQL, the way
/// <see cref="PhoneDigits.Normalize"/> does it in C#: digits only, a leading "1" of eleven digits dropped.
/// Run once by the migration that adds the table; a test runs it against rows written without it.
/// </summary>
public static class PatientPhoneBackfill
{
    private const string NoContact = "00000000-0000-0000-0000-000000000000";

    public static string For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
    };

    // SQLite has neither a regular-expression replace nor reverse(): a recursive walk over each number's
    // characters keeps the digits, a second walk reverses them.
    private static readonly string Sqlite = $"""
        WITH RECURSIVE
        walk(id, practice, kind, rest, digits) AS (
            SELECT "Id", "PracticeId", 1, "HomePhone", '' FROM "Patients" WHERE "HomePhone" IS NOT NULL
            UNION ALL SELECT "Id", "PracticeId", 2, "MobilePhone", '' FROM "Patients" WHERE "MobilePhone" IS NOT NULL
            UNION ALL SELECT "Id", "PracticeId", 3, "WorkPhone", '' FROM "Patients" WHERE "WorkPhone" IS NOT NULL
            UNION ALL
            SELECT id, practice, kind, substr(rest, 2),
                   digits || CASE WHEN substr(rest, 1, 1) BETWEEN '0' AND '9' THEN substr(rest, 1, 1) ELSE '' END
            FROM walk WHERE rest <> ''),
        normalized(id, practice, kind, d) AS (
            SELECT id, practice, kind,
                   substr(CASE WHEN length(digits) = 11 AND substr(digits, 1, 1) = '1' THEN substr(digits, 2) ELSE digits END, 1, {PhoneDigits.MaxLength})
            FROM walk WHERE rest = '' AND digits <> ''),
        reversed(id, practice, kind, d, rest, r) AS (
            SELECT id, practice, kind, d, d, '' FROM normalized
            UNION ALL
            SELECT id, practice, kind, d, substr(rest, 2), substr(rest, 1, 1) || r FROM reversed WHERE rest <> '')
        INSERT INTO "PatientPhones" ("PatientId", "Kind", "ContactId", "PracticeId", "Digits", "ReversedDigits")
        SELECT id, kind, '{NoContact}', practice, d, r FROM reversed WHERE rest = ''
        ON CONFLICT DO NOTHING;
        """;

    private static readonly string Postgres = $"""
        INSERT INTO "PatientPhones" ("PatientId", "Kind", "ContactId", "PracticeId", "Digits", "ReversedDigits")
        SELECT id, kind, '{NoContact}'::uuid, practice, d, reverse(d)
        FROM (
            SELECT id, practice, kind,
                   left(CASE WHEN length(digits) = 11 AND left(digits, 1) = '1' THEN substr(digits, 2) ELSE digits END, {PhoneDigits.MaxLength}) AS d
            FROM (
                SELECT "Id" AS id, "PracticeId" AS practice, 1 AS kind, regexp_replace("HomePhone", '[^0-9]', '', 'g') AS digits FROM "Patients" WHERE "HomePhone" IS NOT NULL
                UNION ALL SELECT "Id", "PracticeId", 2, regexp_replace("MobilePhone", '[^0-9]', '', 'g') FROM "Patients" WHERE "MobilePhone" IS NOT NULL
                UNION ALL SELECT "Id", "PracticeId", 3, regexp_replace("WorkPhone", '[^0-9]', '', 'g') FROM "Patients" WHERE "WorkPhone" IS NOT NULL
            ) raw
            WHERE digits <> ''
        ) numbers
        ON CONFLICT DO NOTHING;
        """;
}
