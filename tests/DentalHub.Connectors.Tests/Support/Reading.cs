using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Tests.Support;

public static class Reading
{
    public static IReadsPatients Patients(this IConnector connector) => Assert.IsAssignableFrom<IReadsPatients>(connector);

    public static async Task<List<ChangePage<PmsPatient>>> ReadAllAsync(
        this IReadsPatients reader, SyncCursor? cursor, CancellationToken cancellationToken = default)
    {
        var pages = new List<ChangePage<PmsPatient>>();
        await foreach (var page in reader.ReadPatientsChangedSince(cursor, cancellationToken))
        {
            pages.Add(page);
        }
        return pages;
    }

    public static List<PmsPatient> Rows(this IEnumerable<ChangePage<PmsPatient>> pages) => pages.SelectMany(p => p.Rows).ToList();

    public static PmsPatient Single(this IEnumerable<PmsPatient> patients, long patNum) =>
        Assert.Single(patients, p => p.PmsId == patNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
