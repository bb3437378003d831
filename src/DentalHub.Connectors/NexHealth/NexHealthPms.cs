namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// A practice management system NexHealth reaches, and what NexHealth's published parity says it can do there
/// (docs.nexhealth.com/docs/integration-parity, read from its mirror in ChrisKildunne/nexhealth-mcp
/// docs/workflows/pms_support.md; payments and adjustments from docs.nexhealth.com/v20240412/reference/payments
/// and .../adjustments). A connection names its system when it is added; the connection check and every read
/// verify it against <c>GET /sync_status</c>, so the capabilities offered are the real system's.
/// </summary>
/// <param name="Key">The part of the connector key after "nexhealth-".</param>
/// <param name="Name">How staff name the system, and how messages name it ("fix the birth date in Dentrix").</param>
/// <param name="EmrNames">The <c>emr.name</c> values <c>GET /sync_status</c> reports for it (the onboarding enum's, where it lists one).</param>
public sealed record NexHealthPms(
    string Key,
    string Name,
    IReadOnlyList<string> EmrNames,
    bool ReadsAddresses,
    bool ReadsAppointmentNotes,
    bool ReadsInsurance,
    bool ReadsFinancials,
    bool WritesPayments,
    bool WritesAdjustments,
    bool WritesDocuments)
{
    public static NexHealthPms Dentrix { get; } = new("dentrix", "Dentrix", ["dentrix"], true, true, true, true, true, true, true);

    public static NexHealthPms DentrixEnterprise { get; } =
        new("dentrixenterprise", "Dentrix Enterprise", ["dentrixenterprise", "dentrix_enterprise"], true, true, true, true, true, true, true);

    public static NexHealthPms DentrixAscend { get; } = new("dentrixascend", "Dentrix Ascend", ["dentrixascend"], false, false, false, true, false, false, true);

    public static NexHealthPms Eaglesoft { get; } = new("eaglesoft", "Eaglesoft", ["eaglesoft"], true, true, true, true, true, true, true);

    public static NexHealthPms Curve { get; } = new("curve", "Curve Dental", ["curve2", "curve"], false, false, false, false, false, false, true);

    public static NexHealthPms Denticon { get; } = new("denticon", "Denticon", ["denticon"], false, false, false, false, false, false, true);

    // Documents: yes on NexHealth's documents page, no in the parity mirror; not offered until a practice confirms it.
    public static NexHealthPms Cloud9 { get; } = new("cloud9", "Cloud 9", ["cloud9"], false, true, false, false, false, false, false);

    public static NexHealthPms Orthotrac { get; } = new("orthotrac", "Orthotrac", ["orthotrac", "orthotraclocal"], true, false, false, false, false, false, true);

    public static NexHealthPms OpenDental { get; } = new("opendental", "Open Dental", ["opendental"], true, true, true, true, true, true, true);

    public static IReadOnlyList<NexHealthPms> All { get; } =
        [Dentrix, DentrixEnterprise, DentrixAscend, Eaglesoft, Curve, Denticon, Cloud9, Orthotrac, OpenDental];

    /// <summary>Whether <c>sync_status</c>'s EMR is this system (by name, or by display name when the name is one we do not know).</summary>
    public bool Is(string? emrName, string? emrDisplayName) =>
        EmrNames.Contains(Normalized(emrName)) || (emrDisplayName is not null && Normalized(emrDisplayName) == Normalized(Name));

    /// <summary>What a practice on this system cannot do through NexHealth, as a line on the "Add a connection" list.</summary>
    public string Limits
    {
        get
        {
            var cannot = new List<string> { "move appointments (DentalHub cancels and books again)" };
            if (!WritesPayments)
            {
                cannot.Add("record payments");
            }
            if (!WritesAdjustments)
            {
                cannot.Add("post adjustments");
            }
            if (!ReadsInsurance)
            {
                cannot.Add("read insurance");
            }
            if (!ReadsFinancials)
            {
                cannot.Add("read the ledger");
            }
            if (!ReadsAddresses)
            {
                cannot.Add("read patients' addresses");
            }
            var list = cannot.Count == 1 ? cannot[0] : $"{string.Join(", ", cannot.SkipLast(1))} or {cannot[^1]}";
            return $"Through NexHealth, {Name} cannot {list}.";
        }
    }

    private static string Normalized(string? name) =>
        new((name ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
