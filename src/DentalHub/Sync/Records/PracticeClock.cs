namespace DentalHub.Sync.Records;

/// <summary>
/// PMS wall-clock times (the practice's local time, no offset) to UTC. Around daylight-saving changes a
/// wall time can be missing (spring: 02:30 does not exist) or doubled (autumn: 01:30 happens twice). A
/// missing time is read as the same moment a clock that did not jump would show (02:30 → 03:30); a doubled
/// one as its first occurrence, the one the schedule shows first.
/// </summary>
public static class PracticeClock
{
    public static DateTimeOffset ToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the jump applied to the missing time lands after the jump, by the jump's size.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
