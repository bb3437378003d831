using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Database;

namespace DentalHub.Connectors.Tests.OpenDental;

public sealed class ScheduleCursorFormatTests
{
    [Fact]
    public void DatabaseScheduleCursor_Written_ReadsBackTheSamePosition()
    {
        var cursor = new ScheduleCursor(
            new DatabaseCursor(new DateTime(2024, 1, 31, 23, 59, 59, DateTimeKind.Utc), 1234),
            new DatabaseCursor(new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc), 56),
            789);

        Assert.Equal("opendental-db:v1:schedules:20240131T235959Z:1234/20240201T080000Z:56/789", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor, ScheduleCursor.Parse(cursor.ToSyncCursor()));
    }

    [Fact]
    public void DatabaseScheduleCursor_NoScheduleRowYet_ReadsBackAsStart()
    {
        var cursor = new ScheduleCursor(null, new DatabaseCursor(DateTime.MinValue, 0), 0);

        Assert.Equal("opendental-db:v1:schedules:start/00000000T000000Z:0/0", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor, ScheduleCursor.Parse(cursor.ToSyncCursor()));
    }

    [Fact]
    public void DatabaseScheduleCursor_NoneOrFromApiMode_ReadsEverything()
    {
        Assert.Null(ScheduleCursor.Parse(null));
        Assert.Null(ScheduleCursor.Parse(new SyncCursor("opendental-api:v1:schedules:20260301=1,2")));
    }

    [Theory]
    [InlineData("opendental-db:v1:20240131T235959Z:1234")]
    [InlineData("opendental-db:v1:schedules:start/20240201T080000Z:56")]
    [InlineData("opendental-db:v1:schedules:yesterday:1/20240201T080000Z:56/789")]
    [InlineData("opendental-db:v1:schedules:start/start/789")]
    public void DatabaseScheduleCursor_Damaged_Throws(string value)
    {
        Assert.Throws<FormatException>(() => ScheduleCursor.Parse(new SyncCursor(value)));
    }

    [Fact]
    public void ApiScheduleCursor_Written_ReadsBackTheSameBlocksByDate()
    {
        var cursor = new ApiScheduleCursor(new Dictionary<string, DateOnly>
        {
            ["13"] = new(2026, 3, 1), ["12"] = new(2026, 3, 1), ["14"] = new(2026, 3, 2),
        });

        Assert.Equal("opendental-api:v1:schedules:20260301=12,13;20260302=14", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor.Blocks, ApiScheduleCursor.Parse(cursor.ToSyncCursor()).Blocks);
    }

    [Fact]
    public void ApiScheduleCursor_NoneOrFromDatabaseMode_HoldsNoBlocks()
    {
        Assert.Empty(ApiScheduleCursor.Parse(null).Blocks);
        Assert.Empty(ApiScheduleCursor.Parse(new SyncCursor("opendental-db:v1:schedules:start/00000000T000000Z:0/0")).Blocks);
    }

    [Fact]
    public void ApiScheduleCursor_Damaged_Throws()
    {
        Assert.Throws<FormatException>(() => ApiScheduleCursor.Parse(new SyncCursor("opendental-api:v1:schedules:2026-03-01=1")));
    }
}
