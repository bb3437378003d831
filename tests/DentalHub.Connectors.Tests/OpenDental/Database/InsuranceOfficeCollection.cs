namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>The test classes that read one <see cref="InsuranceOfficeDatabase"/> (one schema load for them all).</summary>
[CollectionDefinition(Name)]
public sealed class InsuranceOfficeCollection : ICollectionFixture<InsuranceOfficeDatabase>
{
    public const string Name = "Insurance office database";
}
