using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Database;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental;

public sealed class OpenDentalDescriptorTests
{
    [Fact]
    public void Catalog_OpenDentalKey_FindsTheDescriptor()
    {
        Assert.Same(OpenDentalConnector.Descriptor, ConnectorCatalog.Find("opendental"));
    }

    [Fact]
    public void Descriptor_Fields_OfferBothModesAndKeepSecretsSecret()
    {
        var descriptor = OpenDentalConnector.Descriptor;

        Assert.Equal(["Database", "API"], descriptor.Fields.Single(f => f.Name == "mode").Choices);
        Assert.Equal(["password", "developerKey", "customerKey"], descriptor.SecretFields.Select(f => f.Name));
        Assert.Equal("3306", descriptor.Fields.Single(f => f.Name == "port").DefaultValue);
        Assert.Equal("opendental", descriptor.Fields.Single(f => f.Name == "database").DefaultValue);
        Assert.Equal("1000", descriptor.Fields.Single(f => f.Name == "pageSize").DefaultValue);
        Assert.Equal("https://api.opendental.com/api/v1", descriptor.Fields.Single(f => f.Name == "baseUrl").DefaultValue);
    }

    [Fact]
    public void Create_DatabaseModeWithoutServer_AsksForTheServer()
    {
        var error = Assert.Throws<ConnectorConfigurationException>(() => Create(new() { ["mode"] = "Database", ["user"] = "dentalhub" }));

        Assert.Equal("Database server is not set. Edit the connection and fill it in.", error.Message);
    }

    [Fact]
    public void Create_DatabaseModeWithDefaults_ReadsPatients()
    {
        var connector = Create(new() { ["server"] = "od-server", ["user"] = "dentalhub" });

        Assert.IsType<OpenDentalDatabaseConnector>(connector);
        Assert.IsAssignableFrom<IReadsPatients>(connector);
    }

    [Theory]
    [InlineData("port", "http")]
    [InlineData("pageSize", "0")]
    public void Create_DatabaseModeWithBadNumber_Explains(string field, string value)
    {
        Assert.Throws<ConnectorConfigurationException>(() => Create(new() { ["server"] = "od", ["user"] = "u", [field] = value }));
    }

    [Fact]
    public void Create_ApiModeWithoutCustomerKey_AsksForIt()
    {
        var error = Assert.Throws<ConnectorConfigurationException>(
            () => Create(new() { ["mode"] = "API" }, new() { ["developerKey"] = "dev" }));

        Assert.Equal("Customer key is not set. Edit the connection and fill it in.", error.Message);
    }

    [Fact]
    public void Create_UnknownMode_SaysWhichModesExist()
    {
        var error = Assert.Throws<ConnectorConfigurationException>(() => Create(new() { ["mode"] = "Carrier pigeon" }));

        Assert.Contains("Database or API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Printed_NeverShowSecrets()
    {
        var database = new DatabaseSettings("od", 3306, "opendental", "dentalhub", "s3cret-password", 1000);
        var api = new ApiSettings(new Uri("https://api.opendental.com/api/v1/"), "dev-s3cret", "cust-s3cret");

        Assert.DoesNotContain("s3cret", database.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", api.ToString(), StringComparison.Ordinal);
    }

    private static IConnector Create(Dictionary<string, string> values, Dictionary<string, string>? secrets = null) =>
        OpenDentalConnector.Descriptor.Create(new ConnectorContext(
            new ConnectorSettings(values, secrets ?? []), TimeProvider.System, NoHttpClients.Instance));
}
