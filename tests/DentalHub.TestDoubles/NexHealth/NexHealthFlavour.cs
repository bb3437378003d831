namespace DentalHub.TestDoubles.NexHealth;

/// <summary>
/// A system behind the NexHealth double, as <c>GET /sync_status</c> reports it in <c>emr</c> (<c>name</c>, <c>display_name</c>,
/// <c>type</c>: cloud or onprem). Names are the onboarding enum's where it lists one (curve2, cloud9, denticon, dentrix,
/// dentrixascend, eaglesoft, opendental); Dentrix Enterprise and Orthotrac, installed by NexHealth on site, are not in it,
/// so their names here are our guess; display names follow docs.nexhealth.com/docs/supported-health-record-systems.
/// </summary>
public sealed record NexHealthFlavour(int EmrId, string Name, string DisplayName, string Type)
{
    public static NexHealthFlavour Dentrix { get; } = new(11, "dentrix", "Dentrix", "onprem");
    public static NexHealthFlavour DentrixEnterprise { get; } = new(12, "dentrixenterprise", "Dentrix Enterprise", "onprem");
    public static NexHealthFlavour DentrixAscend { get; } = new(13, "dentrixascend", "Dentrix Ascend", "cloud");
    public static NexHealthFlavour Eaglesoft { get; } = new(14, "eaglesoft", "Eaglesoft", "onprem");
    public static NexHealthFlavour Curve { get; } = new(15, "curve2", "Curve Hero", "cloud");
    public static NexHealthFlavour Denticon { get; } = new(16, "denticon", "Denticon", "cloud");
    public static NexHealthFlavour Cloud9 { get; } = new(17, "cloud9", "Cloud9", "cloud");
    public static NexHealthFlavour Orthotrac { get; } = new(18, "orthotrac", "Orthotrac Local", "onprem");
    public static NexHealthFlavour OpenDental { get; } = new(19, "opendental", "Open Dental", "onprem");

    public static IReadOnlyList<NexHealthFlavour> All { get; } =
        [Dentrix, DentrixEnterprise, DentrixAscend, Eaglesoft, Curve, Denticon, Cloud9, Orthotrac, OpenDental];
}
