using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Launched;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Launched;

public sealed class LaunchedPmsDescriptorTests
{
    [Fact]
    public void Catalog_EverySystemWithoutAnApi_IsALaunchOnlyConnectionWithNoCredentials()
    {
        var keys = new[] { "topsortho", "orthotrac", "winoms", "senseicloud", "oryx", "fuse", "dsn", "dentimax", LaunchedPmsConnector.OtherKey };

        var descriptors = keys.Select(k => ConnectorCatalog.Find(k)).ToList();

        Assert.All(descriptors, d =>
        {
            Assert.NotNull(d);
            Assert.EndsWith("(launched from the PMS)", d.DisplayName);
            Assert.Equal((ConnectorKind.PracticeManagement, false), (d.Kind, d.Syncs));
            Assert.Empty(d.SecretFields);
        });
    }

    [Fact]
    public async Task Check_NamedSystem_SaysItReadsAndWritesNothingThere()
    {
        var connector = Create(LaunchedPms.Orthotrac.Key, []);

        var check = await connector.CheckConnectionAsync(CancellationToken.None);

        Assert.Equal(typeof(IConnector), Assert.Single(connector.GetType().GetInterfaces()));
        Assert.Equal("Orthotrac", connector.SystemName);
        Assert.True(check.Succeeded);
        Assert.Contains("DentalHub reads nothing from Orthotrac and writes nothing to it", check.Message);
    }

    [Fact]
    public void Create_AnotherSystemWithoutAName_AsksForTheName()
    {
        var error = Assert.Throws<ConnectorConfigurationException>(() => Create(LaunchedPmsConnector.OtherKey, []));

        Assert.Equal("System name is not set. Edit the connection and fill it in.", error.Message);
    }

    [Fact]
    public void Create_AnotherSystemWithAName_NamesItInMessages()
    {
        var connector = Create(LaunchedPmsConnector.OtherKey, new() { [LaunchedPmsConnector.SystemNameField] = " Ortho2000 " });

        Assert.Equal("Ortho2000", connector.SystemName);
    }

    private static IConnector Create(string key, Dictionary<string, string> values) =>
        ConnectorCatalog.Find(key)!.Create(new ConnectorContext(new ConnectorSettings(values, new Dictionary<string, string>()), TimeProvider.System, NoHttpClients.Instance));
}
