using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Demo;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.Contract;

public sealed class DemoPmsConnectorContract : PatientReaderContract
{
    protected override int ExpectedPatients => DemoPractice.Generate(42).Patients.Count;

    protected override IReadsPatients CreateReader() =>
        DemoPmsConnector.Descriptor.Create(new ConnectorContext(
            new ConnectorSettings(
                new Dictionary<string, string> { ["seed"] = "42", [DemoPmsConnector.PageSizeField] = "50" },
                new Dictionary<string, string>()),
            TimeProvider.System,
            NoHttpClients.Instance)).Patients();
}
