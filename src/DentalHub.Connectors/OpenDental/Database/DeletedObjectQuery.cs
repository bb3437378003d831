using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Database;

/// <summary>
/// Open Dental's <c>deletedobject</c> table, where deletions of the few kinds of record that are really removed
/// are written with their own DateTStamp (enum DeletedObjectType in the schema documentation).
/// </summary>
internal static class DeletedObjectQuery
{
    /// <summary>DeletedObjectType.Appointment.</summary>
    public const int Appointment = 0;

    /// <summary>DeletedObjectType.ScheduleProv: provider schedules (the only schedules tracked).</summary>
    public const int ScheduleProv = 1;

    /// <summary>Deletions of one type, each read as the id of the deleted record.</summary>
    public static ChangeQuery<DeletedObject> Of(int objectType) => new(
        From: "deletedobject",
        Key: "DeletedObjectNum",
        Stamp: "DateTStamp",
        Columns: "ObjectNum",
        Read: reader => new DeletedObject(PatientMapping.Id(reader.GetInt64(2))),
        Where: $"ObjectType = {objectType}");
}

/// <summary>A record Open Dental reports as deleted, by the deleted record's id.</summary>
internal sealed record DeletedObject(string PmsId) : IPmsRecord;
