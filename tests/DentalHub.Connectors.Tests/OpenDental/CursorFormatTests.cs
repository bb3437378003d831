using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Database;

namespace DentalHub.Connectors.Tests.OpenDental;

public sealed class CursorFormatTests
{
    [Fact]
    public void DatabaseCursor_Written_ReadsBackTheSamePosition()
    {
        var cursor = new DatabaseCursor(new DateTime(2024, 1, 31, 23, 59, 59, DateTimeKind.Utc), 1234);

        Assert.Equal("opendental-db:v1:20240131T235959Z:1234", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor, DatabaseCursor.Parse(cursor.ToSyncCursor()));
        Assert.Equal("2024-01-31 23:59:59", cursor.SqlTimestamp);
    }

    [Fact]
    public void DatabaseCursor_ZeroDateTStamp_StaysZeroInSql()
    {
        var cursor = new DatabaseCursor(DateTime.MinValue, 7);

        Assert.Equal("opendental-db:v1:00000000T000000Z:7", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor, DatabaseCursor.Parse(cursor.ToSyncCursor()));
        Assert.Equal("0000-00-00 00:00:00", cursor.SqlTimestamp);
    }

    [Fact]
    public void DatabaseCursor_FromApiMode_ReadsEverything()
    {
        Assert.Null(DatabaseCursor.Parse(new SyncCursor("opendental-api:v1:2024-01-31 23:59:59")));
        Assert.Null(DatabaseCursor.Parse(null));
    }

    [Theory]
    [InlineData("opendental-db:v1:yesterday:12")]
    [InlineData("2024-01-31T23:59:59Z")]
    public void DatabaseCursor_Damaged_Throws(string value)
    {
        Assert.Throws<FormatException>(() => DatabaseCursor.Parse(new SyncCursor(value)));
    }

    [Fact]
    public void ApiCursor_Written_ReadsBackAndAsksFromOneSecondEarlier()
    {
        var cursor = new ApiCursor(new DateTime(2024, 1, 31, 23, 59, 59));

        Assert.Equal("opendental-api:v1:2024-01-31 23:59:59", cursor.ToSyncCursor().Value);
        Assert.Equal(cursor, ApiCursor.Parse(cursor.ToSyncCursor()));
        Assert.Equal("2024-01-31 23:59:58", cursor.DateTStampParameter);
    }

    [Fact]
    public void ApiCursor_Everything_SendsNoDateTStamp()
    {
        Assert.Equal("opendental-api:v1:", ApiCursor.Everything.ToSyncCursor().Value);
        Assert.Null(ApiCursor.Parse(new SyncCursor("opendental-api:v1:")).DateTStampParameter);
        Assert.Null(ApiCursor.Parse(new SyncCursor("opendental-db:v1:20240131T235959Z:1234")).DateTStampParameter);
    }

    [Fact]
    public void ApiCursor_Damaged_Throws()
    {
        Assert.Throws<FormatException>(() => ApiCursor.Parse(new SyncCursor("opendental-api:v1:31/01/2024")));
    }

    [Fact]
    public void MultiTableCursor_Written_ReadsBackEachTablesPosition()
    {
        var appointments = new DatabaseCursor(new DateTime(2024, 1, 31, 23, 59, 59, DateTimeKind.Utc), 1234);
        var deletions = new DatabaseCursor(new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc), 77);

        var cursor = MultiTableCursor.Parse(null).With("apt", appointments).With("deleted", deletions).ToSyncCursor();

        Assert.Equal("opendental-db:v1:multi:apt=20240131T235959Z:1234;deleted=20240201T080000Z:77", cursor.Value);
        var read = MultiTableCursor.Parse(cursor);
        Assert.Equal((appointments, deletions, (DatabaseCursor?)null), (read["apt"], read["deleted"], read["claimproc"]));
    }

    [Fact]
    public void MultiTableCursor_NoneOrFromApiMode_ReadsEverything()
    {
        Assert.Null(MultiTableCursor.Parse(null)["apt"]);
        Assert.Null(MultiTableCursor.Parse(new SyncCursor("opendental-api:v1:2024-01-31 23:59:59"))["apt"]);
    }

    [Theory]
    [InlineData("opendental-db:v1:multi:apt=yesterday:3")]
    [InlineData("opendental-db:v1:multi:apt")]
    [InlineData("opendental-db:v1:20240131T235959Z:1234/deleted:20240131T235959Z:3")]
    public void MultiTableCursor_Damaged_Throws(string value)
    {
        Assert.Throws<FormatException>(() => MultiTableCursor.Parse(new SyncCursor(value)));
    }
}
