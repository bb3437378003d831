using System.Globalization;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>Items of <c>GET /schedules</c> as opendental.com/site/apischedules.html shows them: numbers as strings, SchedType by name.</summary>
public static class ApiSchedules
{
    public static Dictionary<string, object?> Fields(
        long scheduleNum, DateOnly date, string schedType, string start = "08:00:00", string stop = "12:00:00",
        long provNum = 0, long blockoutDefNum = 0, string blockoutName = "", string note = "", string operatories = "") => new()
    {
        ["ScheduleNum"] = Number(scheduleNum),
        ["SchedDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StartTime"] = start,
        ["StopTime"] = stop,
        ["SchedType"] = schedType,
        ["ProvNum"] = Number(schedType == "Provider" && provNum == 0 ? 1 : provNum),
        ["BlockoutType"] = Number(blockoutDefNum),
        ["blockoutType"] = blockoutName,
        ["Note"] = note,
        ["operatories"] = operatories,
        ["EmployeeNum"] = schedType == "Employee" ? "5" : "0",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
