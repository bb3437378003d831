using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental;

/// <summary>
/// Open Dental's insurance codes in words, the same in both modes: the database stores numbers and single
/// letters, the API spells the enums by name (schema documentation 24.3: insplan.PlanType, patplan.Relationship
/// (enum Relat), claim.ClaimStatus, claim.ClaimType).
/// </summary>
internal static class InsuranceCodes
{
    /// <summary>insplan.PlanType: "" percentage (the default), "p" PPO percentage, "f" flat copay, "c" capitation.</summary>
    public static string PlanType(string? code) => code?.Trim() switch
    {
        null or "" => "Percentage",
        "p" or "P" => "PPO Percentage",
        "f" or "F" => "Flat Copay",
        "c" or "C" => "Capitation",
        // The API's filter spells the default "percentage"; anything newer passes through as written.
        var other when other.Equals("percentage", StringComparison.OrdinalIgnoreCase) => "Percentage",
        var other => other,
    };

    /// <summary>
    /// Relat: 0 Self, 1 Spouse, 2 Child, 3 Employee, 4 HandicapDep, 5 SignifOther, 6 InjuredPlaintiff,
    /// 7 LifePartner, 8 Dependent. Only the first three have a place of their own in the hub; a partner or a
    /// dependent who is not recorded as a child is Other, rather than guessed at.
    /// </summary>
    public static PmsRelationship Relationship(int code) => code switch
    {
        0 => PmsRelationship.Self,
        1 => PmsRelationship.Spouse,
        2 => PmsRelationship.Child,
        _ => PmsRelationship.Other,
    };

    /// <summary>The API writes Relat by name ("Self", "SignifOther"); older versions may send the number.</summary>
    public static PmsRelationship Relationship(string? name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? Relationship(code)
            : name?.Trim().ToUpperInvariant() switch
            {
                "SELF" => PmsRelationship.Self,
                "SPOUSE" => PmsRelationship.Spouse,
                "CHILD" => PmsRelationship.Child,
                _ => PmsRelationship.Other,
            };

    /// <summary>
    /// claim.ClaimStatus: U unsent, H hold until the primary is received, W waiting in the send queue, S sent,
    /// R received, I hold for in-process. P (probably sent) and A (adjustment) are no longer used; a P still in
    /// an old database was sent.
    /// </summary>
    public static PmsClaimStatus ClaimStatus(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "U" => PmsClaimStatus.Unsent,
        "H" or "I" => PmsClaimStatus.OnHold,
        "W" => PmsClaimStatus.Waiting,
        "S" or "P" => PmsClaimStatus.Sent,
        "R" => PmsClaimStatus.Received,
        _ => PmsClaimStatus.Other,
    };

    /// <summary>claim.ClaimType: "P" primary, "S" secondary, "PreAuth", "Other", "Cap" capitation (and "Med" in some versions).</summary>
    public static string? ClaimType(string? code) => code?.Trim() switch
    {
        null or "" => null,
        "P" => "Primary",
        "S" => "Secondary",
        "PreAuth" => "Preauthorization",
        "Cap" => "Capitation",
        "Med" => "Medical",
        var other => other,
    };

    /// <summary>Money read from Open Dental's double columns, to the cent.</summary>
    public static decimal Money(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Money read as a decimal, to the cent.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>An Open Dental date: 0001-01-01 (or the zero date read as it) means none.</summary>
    public static DateOnly? Date(DateTime value) => value.Year <= 1 ? null : DateOnly.FromDateTime(value);

    /// <summary>A date as the API writes it ("yyyy-MM-dd"); "0001-01-01", empty or unreadable means none.</summary>
    public static DateOnly? Date(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        text = text.Length > 10 ? text[..10] : text;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year > 1
            ? date
            : null;
    }
}
