using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using static DentalHub.Connectors.Tests.OpenDental.Patients.NewPatientConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Patients;

/// <summary>
/// A patient added to Open Dental through its API and marked with DentalHub's reference in a patient field: the field is
/// defined once, an answer lost between adding and marking leaves a patient that is found and adopted, never added
/// twice, and several patients that could be it are left to a person.
/// </summary>
public sealed class AddingAPatientToOpenDental : IAsyncLifetime
{
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;

    public async Task InitializeAsync() => api = await OpenDentalApiTestDouble.StartAsync();

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task Write_TwoPatients_FieldDefinedOnceAndEachMarked()
    {
        var writer = ApiMode(api, http);

        var first = Assert.IsType<WriteOutcome.Written>(await writer.WriteNewPatientAsync(NewPatient("DHP-1"), CancellationToken.None));
        var second = Assert.IsType<WriteOutcome.Written>(await writer.WriteNewPatientAsync(NewPatient("DHP-2", "Grace", "Hopper"), CancellationToken.None));

        var definition = Assert.Single(api.PatFieldDefs);
        Assert.Equal(("DentalHub reference", "Text"), (definition.FieldName, definition.FieldType));
        Assert.Equal(first.TargetId, api.PatFields.Single(f => f.FieldValue == "DHP-1").PatNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(first.TargetId, second.TargetId);
        var added = api.Patients.Single(p => p.PatNum.ToString(System.Globalization.CultureInfo.InvariantCulture) == first.TargetId);
        Assert.Equal(("Ada", "Lovelace", "1990-01-02", "Female", 1L), (added.FName, added.LName, added.Birthdate, added.Gender, added.PriProv));
    }

    [Fact]
    public async Task Write_AnswerLostBetweenAddingAndMarking_UnknownThenAdoptedAndAddedOnce()
    {
        api.AddPatFieldDef("DentalHub reference");
        api.PatFieldWrites.FailNext(PaymentFault.Status500BeforeCommit);
        var writer = ApiMode(api, http);

        var outcome = await writer.WriteNewPatientAsync(NewPatient("DHP-3"), CancellationToken.None);
        var found = Assert.IsType<FindOutcome.Found>(await ApiMode(api, http).FindWrittenNewPatientAsync(NewPatient("DHP-3"), CancellationToken.None));

        Assert.IsType<WriteOutcome.Unknown>(outcome);
        Assert.Equal(1, api.PatientWrites.Posts);
        Assert.Equal(found.TargetId, Assert.Single(api.Patients).PatNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Marked(api, "DHP-3"));
    }

    [Fact]
    public async Task Find_TwoUnmarkedPatientsLikeIt_NeedsAPersonAndMarksNoOne()
    {
        api.AddPatFieldDef("DentalHub reference");
        api.AddPatientToday("Ada", "Lovelace", "1990-01-02");
        api.PatFieldWrites.FailNext(PaymentFault.Status500BeforeCommit);
        var writer = ApiMode(api, http);
        await writer.WriteNewPatientAsync(NewPatient("DHP-4"), CancellationToken.None);

        var found = await writer.FindWrittenNewPatientAsync(NewPatient("DHP-4"), CancellationToken.None);

        var person = Assert.IsType<FindOutcome.NeedsPerson>(found);
        Assert.Contains("link it to the right one", person.Reason, StringComparison.Ordinal);
        Assert.Empty(api.PatFields);
    }

    [Fact]
    public async Task Write_FieldHiddenByTheOffice_RefusedBeforeAnyPatientIsAdded()
    {
        api.AddPatFieldDef("DentalHub reference", hidden: true);

        var refused = Assert.IsType<WriteOutcome.Refused>(await ApiMode(api, http).WriteNewPatientAsync(NewPatient("DHP-5"), CancellationToken.None));

        Assert.Contains("hidden", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, api.PatientWrites.Posts);
    }

    [Fact]
    public void DatabaseModeWithoutKeys_MissingFor_SaysKeysAreNeeded()
    {
        var connector = PaymentConnection.DatabaseModeConnector(null, http);

        Assert.Contains("API keys", connector.MissingFor(typeof(IWritesNewPatients)), StringComparison.Ordinal);
    }
}
