using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DentalHub.Api;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Schedule;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Schedule;

/// <summary>
/// The front desk and a patient app seeing what a visit will cost and who pays it, synced from Open Dental's API (the
/// test double). Dana's visit: an exam of 200 (primary estimates 120 with a PPO write-off of 30; the secondary's 40 is
/// overridden to 25) and a cleaning of 100 (primary 80, write-off estimate overridden to 5): 300 in all, 225 from
/// insurance, 35 written off, 40 for Dana. Ravi has no insurance: his 60 filling is his to pay.
/// </summary>
public abstract partial class SeeingWhatAVisitWillCost(DatabaseProvider provider) : IAsyncLifetime
{
    private DentalHubApp? app;
    private OpenDentalApiTestDouble? api;
    private TestPractice practice = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private async Task StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        api = await OpenDentalApiTestDouble.StartAsync();
        var stamp = api.OfficeNow.AddMinutes(-5);
        var visit = api.OfficeNow.Date.AddDays(7).AddHours(9);
        api.Add([new DoublePatient(7, "Dana", "Rivera", stamp), new DoublePatient(8, "Ravi", "Shah", stamp)]);
        api.PutAppointments(new DoubleAppointment(70, 7, "Scheduled", visit), new DoubleAppointment(80, 8, "Scheduled", visit.AddHours(1)));
        Procedure(stamp, 701, 7, 70, "D0150", "comprehensive oral evaluation", "200.00");
        Procedure(stamp, 702, 7, 70, "D1110", "prophylaxis - adult", "100.00");
        Procedure(stamp, 801, 8, 80, "D2391", "resin-based composite - one surface, posterior", "60.00");
        ClaimProc(stamp, 1, 701, 7, insEstTotal: 120, writeOffEst: 30);
        ClaimProc(stamp, 2, 701, 7, insEstTotal: 40, insEstTotalOverride: 25);
        ClaimProc(stamp, 3, 702, 7, insEstTotal: 80, writeOffEst: 10, writeOffEstOverride: 5);

        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Estimates Dental");
        var connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        foreach (var resource in new[] { SyncResources.Patients, SyncResources.Appointments })
        {
            var outcome = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, resource, SyncTrigger.Manual, CancellationToken.None);
            Assert.True(outcome.Kind == SyncOutcomeKind.Completed, outcome.Message);
        }
    }

    private void Procedure(DateTime stamp, long procNum, long patNum, long aptNum, string code, string description, string fee) =>
        api!.Put("procedurelogs", procNum, new Dictionary<string, object?>
        {
            ["ProcNum"] = procNum, ["PatNum"] = patNum, ["AptNum"] = aptNum.ToString(CultureInfo.InvariantCulture), ["PlannedAptNum"] = "0",
            ["ProcDate"] = "2026-04-01", ["ProcFee"] = fee, ["ProcStatus"] = "TP", ["ProvNum"] = 1, ["ClinicNum"] = 0, ["procCode"] = code,
            ["descript"] = description, ["UnitQty"] = 1, ["BaseUnits"] = 0,
        }, stamp);

    private void ClaimProc(DateTime stamp, long claimProcNum, long procNum, long patNum, double insEstTotal, double insEstTotalOverride = -1,
        double writeOffEst = -1, double writeOffEstOverride = -1) =>
        api!.Put("claimprocs", claimProcNum, new Dictionary<string, object?>
        {
            ["ClaimProcNum"] = claimProcNum, ["ProcNum"] = procNum, ["ClaimNum"] = 0, ["PatNum"] = patNum, ["ProvNum"] = 1, ["Status"] = "Estimate",
            ["InsPayEst"] = insEstTotal, ["InsPayAmt"] = 0.0, ["WriteOff"] = 0.0, ["DateCP"] = "0001-01-01", ["CodeSent"] = "", ["ClinicNum"] = 0,
            ["InsEstTotal"] = insEstTotal, ["InsEstTotalOverride"] = insEstTotalOverride, ["WriteOffEst"] = writeOffEst,
            ["WriteOffEstOverride"] = writeOffEstOverride, ["PlanNum"] = claimProcNum == 2 ? 2 : 1,
        }, stamp);

    private async Task<Guid> PatientIdAsync(string pmsId)
    {
        await using var db = app!.Databases.Create(practice.Tenant);
        return await db.PatientLinks.Where(l => l.PmsId == pmsId).Select(l => l.PatientId).SingleAsync();
    }

    /// <summary>The text of the profile's appointments panel, as a person reads it.</summary>
    private async Task<string> ProfileAppointmentsAsync(Guid patientId)
    {
        var staff = await app!.AddStaffAsync("Fran Front", (practice, PracticeRole.Admin));
        var page = await (await Browser.SignedInAsync(app!, staff)).GetPageAsync($"/patients/{patientId}");
        var panel = page[page.IndexOf("data-testid=\"profile-appointments\"", StringComparison.Ordinal)..page.IndexOf("data-testid=\"profile-balance\"", StringComparison.Ordinal)];
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(panel, " ")), " ").Replace(" ·", "·", StringComparison.Ordinal).Trim();
    }

    [SkippableFact]
    public async Task Profile_InsuredVisit_ShowsCostInsuranceEstimateWriteOffAndPatientPortion()
    {
        await StartAsync();

        var text = await ProfileAppointmentsAsync(await PatientIdAsync("7"));

        Assert.Contains("Cost $300.00· insurance estimate $225.00· write-off $35.00· patient portion $40.00", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Profile_UninsuredVisit_PatientPortionIsTheWholeFee()
    {
        await StartAsync();

        var text = await ProfileAppointmentsAsync(await PatientIdAsync("8"));

        Assert.Contains("Cost $60.00· insurance estimate $0.00· patient portion $60.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("write-off", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Api_PatientsAppointments_CarryTheTotalsAndEachProceduresEstimate()
    {
        await StartAsync();
        using var client = await app!.ApiClientAsync(practice, "Patient app", ApiScopes.ScheduleRead);

        var dana = Assert.Single(await client.ReadAsync<List<AppointmentDto>>($"/api/v1/patients/{await PatientIdAsync("7")}/appointments"));
        var ravi = Assert.Single((await client.ReadAsync<ListPage<AppointmentDto>>("/api/v1/appointments")).Data, a => a.Id == "80");

        Assert.Equal((300.00m, 225.00m, 35.00m, 40.00m), (dana.TotalFee, dana.InsuranceEstimate, dana.WriteOffEstimate, dana.PatientPortion));
        Assert.Equal([("701", 200.00m, 145.00m, 30.00m, 25.00m), ("702", 100.00m, 80.00m, 5.00m, 15.00m)],
            dana.Procedures!.Select(p => (p.Id, p.Fee, p.InsuranceEstimate, p.WriteOffEstimate, p.PatientPortion)));
        Assert.Equal((60.00m, 0m, 0m, 60.00m), (ravi.TotalFee, ravi.InsuranceEstimate, ravi.WriteOffEstimate, ravi.PatientPortion));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class SeeingWhatAVisitWillCostOnSqlite() : SeeingWhatAVisitWillCost(DatabaseProvider.Sqlite);

public sealed class SeeingWhatAVisitWillCostOnPostgres() : SeeingWhatAVisitWillCost(DatabaseProvider.Postgres);
