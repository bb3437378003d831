using DentalHub.Schedule;

namespace DentalHub.Tests.Schedule;

public sealed class LayingOutDoubleBookedAppointments
{
    private static (TimeOnly, TimeOnly) At(int hour, int minute, int minutes) =>
        (new TimeOnly(hour, minute), new TimeOnly(hour, minute).AddMinutes(minutes));

    [Fact]
    public void Lanes_NoOverlap_EachTakesTheWholeColumn()
    {
        var lanes = DayLanes.Of([At(9, 0, 60), At(10, 0, 30), At(11, 0, 60)]);

        Assert.All(lanes, l => Assert.Equal(new DayLane(0, 1), l));
    }

    [Fact]
    public void Lanes_TwoOverlapping_SideBySideAndTheNextOneAloneAgain()
    {
        var lanes = DayLanes.Of([At(9, 0, 60), At(9, 30, 60), At(11, 0, 30)]);

        Assert.Equal([new DayLane(0, 2), new DayLane(1, 2), new DayLane(0, 1)], lanes);
    }

    [Fact]
    public void Lanes_ChainOfOverlaps_ShareTheRunsLaneCountAndReuseAFreedLane()
    {
        // 9:00-10:00 and 9:30-10:30 overlap; 10:00-11:00 starts when the first ends, so it takes lane 0 again.
        var lanes = DayLanes.Of([At(9, 0, 60), At(9, 30, 60), At(10, 0, 60)]);

        Assert.Equal([new DayLane(0, 2), new DayLane(1, 2), new DayLane(0, 2)], lanes);
    }

    [Fact]
    public void Lanes_ListedOutOfOrder_LaidOutByStartTime()
    {
        var lanes = DayLanes.Of([At(9, 30, 60), At(9, 0, 60)]);

        Assert.Equal([new DayLane(1, 2), new DayLane(0, 2)], lanes);
    }

    [Fact]
    public void Lanes_ThreeAtOnce_ThreeLanes()
    {
        var lanes = DayLanes.Of([At(9, 0, 30), At(9, 0, 30), At(9, 10, 30)]);

        Assert.Equal([new DayLane(0, 3), new DayLane(1, 3), new DayLane(2, 3)], lanes);
    }
}
