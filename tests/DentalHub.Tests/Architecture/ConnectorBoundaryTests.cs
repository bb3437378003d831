using DentalHub.Connectors;

namespace DentalHub.Tests.Architecture;

public sealed class ConnectorBoundaryTests
{
    [Fact]
    public void ConnectorLibrary_References_NeitherTheAppNorEfCore()
    {
        var references = typeof(ConnectorCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => name == "DentalHub" || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains("MySqlConnector", references);
    }

    [Fact]
    public void Catalog_ConnectorKeys_AreUniqueAndEveryFieldHasHelp()
    {
        var keys = ConnectorCatalog.All.Select(d => d.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ConnectorCatalog.All.SelectMany(d => d.Fields), f => Assert.False(string.IsNullOrWhiteSpace(f.Help), $"{f.Name} has no help text"));
    }
}
