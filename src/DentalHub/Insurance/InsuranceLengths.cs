namespace DentalHub.Insurance;

/// <summary>How long the insurance tables' text columns are; longer values are clipped when stored.</summary>
internal static class InsuranceLengths
{
    public const int PmsId = 64;
    public const int Name = 200;
    public const int Number = 64;
    public const int Code = 32;
}
