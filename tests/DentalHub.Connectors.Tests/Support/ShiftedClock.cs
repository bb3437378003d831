namespace DentalHub.Connectors.Tests.Support;

/// <summary>The system clock moved by <see cref="Shift"/>: time runs, and a test can jump it forward once its data is in place.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
