namespace DentalHub.Schedule;

/// <summary>Where an appointment sits across its column: lane <see cref="Lane"/> of <see cref="Of"/> side by side.</summary>
public readonly record struct DayLane(int Lane, int Of);

/// <summary>
/// Lays a column's appointments that overlap side by side, as a paper book shows a double-booked chair: each takes
/// the first lane free at its start, and every appointment of a run of overlapping ones shares that run's lane count.
/// </summary>
public static class DayLanes
{
    public static IReadOnlyList<DayLane> Of(IReadOnlyList<(TimeOnly Start, TimeOnly End)> appointments)
    {
        var lanes = new DayLane[appointments.Count];
        var order = Enumerable.Range(0, appointments.Count).OrderBy(i => appointments[i].Start).ThenBy(i => i).ToList();
        var laneEnds = new List<TimeOnly>();
        var run = new List<int>();
        var runEnd = TimeOnly.MinValue;
        foreach (var i in order)
        {
            var (start, end) = appointments[i];
            end = end <= start ? start.AddMinutes(10) : end;
            if (run.Count > 0 && start >= runEnd)
            {
                Close(run, laneEnds.Count, lanes);
                laneEnds.Clear();
            }
            var lane = laneEnds.FindIndex(laneEnd => laneEnd <= start);
            if (lane < 0)
            {
                laneEnds.Add(end);
                lane = laneEnds.Count - 1;
            }
            else
            {
                laneEnds[lane] = end;
            }
            lanes[i] = new DayLane(lane, 0);
            run.Add(i);
            runEnd = run.Count == 1 || end > runEnd ? end : runEnd;
        }
        Close(run, laneEnds.Count, lanes);
        return lanes;
    }

    private static void Close(List<int> run, int laneCount, DayLane[] lanes)
    {
        foreach (var i in run)
        {
            lanes[i] = lanes[i] with { Of = laneCount };
        }
        run.Clear();
    }
}
