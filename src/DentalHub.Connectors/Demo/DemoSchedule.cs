using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The sample practice's schedule around <c>today</c>: every provider's hours and a lunch blockout per chair on each
/// open weekday, the holidays, and each chair's day booked 8 to 5 with a few openings. Days before today are
/// done (complete, a few broken), today and later are scheduled with how far confirmation has got. Each day is
/// generated from its own random stream and the same draws whatever today is, so a day keeps its appointments
/// (and their ids) as the schedule moves on; only the statuses change when a day passes.
/// </summary>
public static class DemoSchedule
{
    private const int BlocksPerDay = 100;

    /// <summary>Ids of appointments on the schedule are the day's number times this plus the slot: stable per day.</summary>
    public const int AppointmentsPerDay = 100;

    public static IReadOnlyList<PmsScheduleBlock> Blocks(DateOnly today)
    {
        var (first, last) = (today.AddDays(-DemoCalendar.DaysBack), today.AddDays(DemoCalendar.DaysAhead));
        var blocks = new List<PmsScheduleBlock>();
        foreach (var (date, name) in DemoCalendar.HolidaysBetween(first, last))
        {
            blocks.Add(new PmsScheduleBlock(Id(date, BlocksPerDay - 1), PmsScheduleKind.PracticeClosed, date, TimeOnly.MinValue, TimeOnly.MinValue,
                null, DemoOffice.ClinicId, [], name, "The office is closed."));
        }
        foreach (var day in DemoCalendar.OpenDays(first, last))
        {
            for (var i = 0; i < DemoOffice.Chairs.Count; i++)
            {
                var chair = DemoOffice.Chairs[i];
                blocks.Add(new PmsScheduleBlock(Id(day, i), PmsScheduleKind.ProviderHours, day, DemoOffice.DayStarts, DemoOffice.DayEnds,
                    chair.ProviderPmsId, DemoOffice.ClinicId, [chair.Operatory.PmsId], null, null));
                blocks.Add(new PmsScheduleBlock(Id(day, 10 + i), PmsScheduleKind.Blockout, day, DemoOffice.LunchStarts, DemoOffice.LunchEnds,
                    null, DemoOffice.ClinicId, [chair.Operatory.PmsId], "Lunch", null));
            }
        }
        return blocks;
    }

    /// <summary>The appointments on the schedule, day by day in order, then those on the unscheduled and planned lists.</summary>
    public static IReadOnlyList<PmsAppointment> Appointments(DemoPractice practice, DateOnly today)
    {
        var candidates = practice.Patients.Where(p => IsOnTheBook(practice, p)).ToList();
        var appointments = new List<PmsAppointment>();
        foreach (var day in DemoCalendar.OpenDays(today.AddDays(-DemoCalendar.DaysBack), today.AddDays(DemoCalendar.DaysAhead)))
        {
            Book(practice.Seed, day, today, candidates, appointments);
        }
        appointments.AddRange(Unscheduled(practice.Seed, candidates));
        return appointments;
    }

    /// <summary>
    /// Whether the patient has visits on the schedule: active patients of about six families in seven. The rest have
    /// not been in lately; some of them owe for older visits (<see cref="DemoBilling"/>), which is what ages.
    /// </summary>
    public static bool IsOnTheBook(DemoPractice practice, PmsPatient patient) =>
        IsActive(practice, patient) && DemoRandom.For(practice.Seed, FamilyNumber(patient), 8).Next(100) < 85;

    /// <summary>An active patient without the problems some sample records have.</summary>
    public static bool IsActive(DemoPractice practice, PmsPatient patient) =>
        patient.Status == PmsPatientStatus.Active && !practice.ProblemPatientIds.Contains(patient.PmsId) && patient.BirthDate is not null;

    private static long FamilyNumber(PmsPatient patient) =>
        long.Parse(patient.GuarantorPmsId ?? patient.PmsId, CultureInfo.InvariantCulture);

    private static void Book(int seed, DateOnly day, DateOnly today, List<PmsPatient> candidates, List<PmsAppointment> appointments)
    {
        var random = DemoRandom.For(seed, day.DayNumber, 1);
        // A first visit at three, as dentists advise.
        var children = Shuffled(candidates.Where(p => IsChildOn(p, day) && p.BirthDate!.Value.AddYears(3) <= day), random);
        var adults = Shuffled(candidates.Where(p => !IsChildOn(p, day)), random);
        var slot = 0;
        foreach (var chair in DemoOffice.Chairs)
        {
            foreach (var (from, to) in new[] { (DemoOffice.DayStarts, DemoOffice.LunchStarts), (DemoOffice.LunchEnds, DemoOffice.DayEnds) })
            {
                var at = from;
                while (at < to)
                {
                    // About one half-hour in sixteen stays open, as on a real book.
                    if (random.Next(16) == 0)
                    {
                        at = at.AddMinutes(30);
                        continue;
                    }
                    var type = TypeFor(chair, random);
                    if (at.AddMinutes(Length(type)) > to)
                    {
                        // The end of a doctor's morning or afternoon takes a short visit; a hygiene chair's stays open.
                        type = random.Next(2) == 0 ? DemoOffice.Types.Emergency : DemoOffice.Types.Extraction;
                        if (chair.IsHygiene || at.AddMinutes(Length(type)) > to)
                        {
                            break;
                        }
                    }
                    var length = Length(type);
                    // Children in proportion to the patients left to book, for the visits a child can have.
                    var wantsChild = random.Next(children.Count + adults.Count + 1) < children.Count && ChildrenCanHave(type);
                    var queue = wantsChild && children.Count > 0 ? children : adults;
                    if (queue.Count == 0)
                    {
                        break;
                    }
                    var patient = queue[^1];
                    queue.RemoveAt(queue.Count - 1);
                    var id = (long)day.DayNumber * AppointmentsPerDay + slot++;
                    appointments.Add(Appointment(seed, id, patient, chair, type, day.ToDateTime(at), length, IsChildOn(patient, day), day, today));
                    at = at.AddMinutes(length);
                }
            }
        }
    }

    private static PmsAppointment Appointment(int seed, long id, PmsPatient patient, DemoChair chair, string type, DateTime start, int length, bool child, DateOnly day, DateOnly today)
    {
        // Every draw is made whatever the day's status, so the day reads the same before and after it passes.
        var random = DemoRandom.For(seed, id, 3);
        var procedures = DemoProcedures.For(type, child, random);
        var fate = random.Next(100);
        var confirmed = random.Next(100);
        var status = day >= today ? PmsAppointmentStatus.Scheduled : fate < 4 ? PmsAppointmentStatus.Broken : PmsAppointmentStatus.Complete;
        var confirmation = status switch
        {
            PmsAppointmentStatus.Complete => "Confirmed",
            PmsAppointmentStatus.Broken => "Left Msg",
            _ => (day.DayNumber - today.DayNumber) switch
            {
                <= 2 => confirmed < 75 ? "Confirmed" : confirmed < 90 ? "Texted" : "Left Msg",
                <= 7 => confirmed < 40 ? "Confirmed" : confirmed < 70 ? "Texted" : "Unconfirmed",
                _ => confirmed < 10 ? "Confirmed" : "Unconfirmed",
            },
        };
        return new PmsAppointment(
            Id(id),
            patient.PmsId,
            chair.ProviderPmsId,
            chair.IsHygiene ? chair.ProviderPmsId : null,
            chair.Operatory.PmsId,
            DemoOffice.ClinicId,
            type,
            start,
            length,
            status,
            confirmation,
            IsNewPatient: type == DemoOffice.Types.NewPatient,
            Note: null,
            Procedures: [.. procedures.Select((p, i) => new PmsAppointmentProcedure(Id(id * 10 + i), p.Code, p.Description, p.Fee))]);
    }

    /// <summary>Work found at visits and waiting for a time (the unscheduled list), and treatment planned but not yet booked.</summary>
    private static IEnumerable<PmsAppointment> Unscheduled(int seed, List<PmsPatient> candidates)
    {
        var random = DemoRandom.For(seed, 0, 5);
        var dentists = DemoOffice.Chairs.Where(c => !c.IsHygiene).Select(c => c.ProviderPmsId).ToList();
        for (var i = 1; i <= 28; i++)
        {
            var patient = candidates[random.Next(candidates.Count)];
            var planned = i > 20;
            var type = planned
                ? random.Next(2) == 0 ? DemoOffice.Types.Crown : DemoOffice.Types.RootCanal
                : random.Next(3) == 0 ? DemoOffice.Types.Crown : DemoOffice.Types.Filling;
            var procedures = DemoProcedures.For(type, child: false, random);
            yield return new PmsAppointment(
                Id(i), patient.PmsId, dentists[random.Next(dentists.Count)], null, null, DemoOffice.ClinicId, type, null, Length(type),
                planned ? PmsAppointmentStatus.Planned : PmsAppointmentStatus.Unscheduled, null, false,
                planned ? "Treatment plan presented; patient is thinking it over." : "Call when there is an opening.",
                [.. procedures.Select((p, k) => new PmsAppointmentProcedure(Id(i * 10L + k), p.Code, p.Description, p.Fee))]);
        }
    }

    private static string TypeFor(DemoChair chair, Random random)
    {
        var roll = random.Next(100);
        return chair.IsHygiene
            ? roll switch
            {
                < 12 => DemoOffice.Types.NewPatient,
                < 85 => DemoOffice.Types.Recall,
                _ => DemoOffice.Types.PerioMaintenance,
            }
            : roll switch
            {
                < 45 => DemoOffice.Types.Filling,
                < 55 => DemoOffice.Types.Crown,
                < 62 => DemoOffice.Types.RootCanal,
                < 77 => DemoOffice.Types.Extraction,
                _ => DemoOffice.Types.Emergency,
            };
    }

    private static bool ChildrenCanHave(string type) =>
        type is DemoOffice.Types.NewPatient or DemoOffice.Types.Recall or DemoOffice.Types.Filling or DemoOffice.Types.Extraction or DemoOffice.Types.Emergency;

    private static int Length(string type) => DemoOffice.AppointmentTypes.First(t => t.PmsId == type).LengthMinutes!.Value;

    private static bool IsChildOn(PmsPatient patient, DateOnly day) => patient.BirthDate!.Value.AddYears(18) > day;

    private static List<PmsPatient> Shuffled(IEnumerable<PmsPatient> patients, Random random)
    {
        var list = patients.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static string Id(DateOnly day, int block) => Id((long)day.DayNumber * BlocksPerDay + block);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
