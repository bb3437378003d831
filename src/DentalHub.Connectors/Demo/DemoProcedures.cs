namespace DentalHub.Connectors.Demo;

/// <summary>A CDT procedure at the sample practice's fee, and the share of it insurance pays.</summary>
public sealed record DemoProcedure(string Code, string Description, decimal Fee)
{
    /// <summary>Diagnostic and preventive (D0, D1) at 100%, basic at 80%, crowns and build-ups at 50%: the usual 100/80/50 plan.</summary>
    public decimal CoveredShare => Code switch
    {
        ['D', '0' or '1', ..] => 1.00m,
        ['D', '2', '7' or '9', ..] => 0.50m,
        _ => 0.80m,
    };

    /// <summary>Diagnostic and preventive work is paid before the deductible is met.</summary>
    public bool AppliesToDeductible => CoveredShare < 1.00m;
}

/// <summary>What each kind of visit does, from a short CDT catalogue at the sample practice's fees.</summary>
public static class DemoProcedures
{
    public static readonly DemoProcedure PeriodicExam = new("D0120", "Periodic oral evaluation - established patient", 60m);
    public static readonly DemoProcedure LimitedExam = new("D0140", "Limited oral evaluation - problem focused", 85m);
    public static readonly DemoProcedure ComprehensiveExam = new("D0150", "Comprehensive oral evaluation - new or established patient", 110m);
    public static readonly DemoProcedure FullMouthXrays = new("D0210", "Intraoral - comprehensive series of radiographic images", 160m);
    public static readonly DemoProcedure PeriapicalXray = new("D0220", "Intraoral - periapical first radiographic image", 38m);
    public static readonly DemoProcedure Bitewings = new("D0274", "Bitewings - four radiographic images", 80m);
    public static readonly DemoProcedure AdultCleaning = new("D1110", "Prophylaxis - adult", 115m);
    public static readonly DemoProcedure ChildCleaning = new("D1120", "Prophylaxis - child", 85m);
    public static readonly DemoProcedure Fluoride = new("D1206", "Topical application of fluoride varnish", 45m);
    public static readonly DemoProcedure AnteriorFilling = new("D2330", "Resin-based composite - one surface, anterior", 160m);
    public static readonly DemoProcedure PosteriorFilling = new("D2391", "Resin-based composite - one surface, posterior", 185m);
    public static readonly DemoProcedure PosteriorFilling2 = new("D2392", "Resin-based composite - two surfaces, posterior", 235m);
    public static readonly DemoProcedure Crown = new("D2740", "Crown - porcelain/ceramic", 1295m);
    public static readonly DemoProcedure CoreBuildup = new("D2950", "Core buildup, including any pins when required", 295m);
    public static readonly DemoProcedure AnteriorRootCanal = new("D3310", "Endodontic therapy, anterior tooth (excluding final restoration)", 850m);
    public static readonly DemoProcedure MolarRootCanal = new("D3330", "Endodontic therapy, molar tooth (excluding final restoration)", 1150m);
    public static readonly DemoProcedure PerioMaintenance = new("D4910", "Periodontal maintenance", 175m);
    public static readonly DemoProcedure Extraction = new("D7140", "Extraction, erupted tooth or exposed root", 195m);
    public static readonly DemoProcedure SurgicalExtraction = new("D7210", "Extraction, erupted tooth requiring removal of bone and/or section of tooth", 345m);

    /// <summary>The procedures of one visit of <paramref name="type"/>, for a child or an adult.</summary>
    public static IReadOnlyList<DemoProcedure> For(string type, bool child, Random random) => type switch
    {
        DemoOffice.Types.NewPatient => [ComprehensiveExam, FullMouthXrays, child ? ChildCleaning : AdultCleaning],
        DemoOffice.Types.Recall => child
            ? [PeriodicExam, ChildCleaning, Fluoride]
            : random.Next(2) == 0 ? [PeriodicExam, AdultCleaning, Bitewings] : [PeriodicExam, AdultCleaning],
        DemoOffice.Types.PerioMaintenance => [PeriodicExam, PerioMaintenance],
        DemoOffice.Types.Filling => random.Next(4) switch
        {
            0 => [AnteriorFilling],
            1 => [PosteriorFilling],
            2 => [PosteriorFilling2],
            _ => [PosteriorFilling, PosteriorFilling2],
        },
        DemoOffice.Types.Crown => random.Next(5) < 3 ? [CoreBuildup, Crown] : [Crown],
        DemoOffice.Types.RootCanal => random.Next(3) == 0 ? [AnteriorRootCanal] : [MolarRootCanal],
        DemoOffice.Types.Extraction => random.Next(10) < 7 ? [Extraction] : [SurgicalExtraction],
        _ => [LimitedExam, PeriapicalXray],
    };
}
