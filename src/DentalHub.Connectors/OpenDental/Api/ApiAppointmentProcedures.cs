using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The procedures on appointments read through the API, as database mode reads them: attached by AptNum, or by
/// PlannedAptNum for a planned appointment, except deleted ones ("D"), with fees as <see cref="ProcedureFees.OnAppointment"/>.
/// <c>GET /procedurelogs</c> filters by one AptNum per request (22.3.32+) and not by PlannedAptNum, so:
/// <list type="bullet">
/// <item>a first read takes the whole list once (a request per 100 procedures) and groups it by appointment;</item>
/// <item>a later read asks for each changed appointment's procedures: a request each (by PatNum for a planned one,
/// filtered here). An hourly run reads the appointments changed in an hour, tens in a busy office.</item>
/// </list>
/// Editing only a procedure leaves its appointment's DateTStamp alone: in API mode the edit reaches the hub when the
/// appointment next changes. Each procedure comes with its insurance estimates (<see cref="ApiProcedureEstimates"/>).
/// </summary>
internal sealed class ApiAppointmentProcedures(OpenDentalApiClient client)
{
    private const string What = "procedures";

    private readonly ApiProcedureEstimates estimates = new(client);

    /// <summary>Every procedure, by the appointment it is on; read once, on the first page of a first read.</summary>
    private Dictionary<long, List<ApiProcedureLog>>? all;

    public async Task<IReadOnlyList<PmsAppointment>> AddToAsync(IReadOnlyList<PmsAppointment> page, bool firstRead, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return page;
        }
        var withProcedures = new List<(PmsAppointment Appointment, List<ApiProcedureLog> Procedures)>(page.Count);
        foreach (var appointment in page)
        {
            var aptNum = long.Parse(appointment.PmsId, NumberStyles.None, CultureInfo.InvariantCulture);
            var planned = appointment.Status == PmsAppointmentStatus.Planned;
            var procedures = firstRead
                ? (await AllAsync(cancellationToken)).GetValueOrDefault(planned ? -aptNum : aptNum) ?? []
                : await OfAsync(aptNum, planned, appointment.PatientPmsId, cancellationToken);
            withProcedures.Add((appointment, procedures.Where(p => !p.IsDeleted).OrderBy(p => p.ProcNum).ToList()));
        }
        var patients = withProcedures.Where(a => a.Procedures.Count > 0 && a.Appointment.PatientPmsId is not null).Select(a => a.Appointment.PatientPmsId!).ToList();
        var shares = patients.Count > 0 ? await estimates.OfAsync(patients, firstRead, cancellationToken) : new Dictionary<long, ClaimProcEstimates.Share>();
        return withProcedures
            .Select(a => a.Appointment with
            {
                Procedures = a.Procedures
                    .Select(p => ClaimProcEstimates.Apply(p.ToAppointmentProcedure(), shares.TryGetValue(p.ProcNum, out var share) ? [share] : []))
                    .ToList(),
            })
            .ToList();
    }

    // Planned appointments are keyed by their negated number: AptNum and PlannedAptNum share one numbering.
    private async Task<Dictionary<long, List<ApiProcedureLog>>> AllAsync(CancellationToken cancellationToken)
    {
        if (all is not null)
        {
            return all;
        }
        all = [];
        await foreach (var procedure in ApiList.ItemsAsync<ApiProcedureLog>(client, "procedurelogs", [], What, ApiLedgerWire.Json, cancellationToken))
        {
            if (procedure.AptNum > 0)
            {
                Add(procedure.AptNum, procedure);
            }
            if (procedure.PlannedAptNum > 0)
            {
                Add(-procedure.PlannedAptNum, procedure);
            }
        }
        return all;
    }

    private void Add(long key, ApiProcedureLog procedure)
    {
        if (!all!.TryGetValue(key, out var list))
        {
            all[key] = list = [];
        }
        list.Add(procedure);
    }

    private async Task<List<ApiProcedureLog>> OfAsync(long aptNum, bool planned, string? patientPmsId, CancellationToken cancellationToken)
    {
        if (planned && patientPmsId is null)
        {
            return [];
        }
        var filter = new List<KeyValuePair<string, string>>
        {
            planned ? new("PatNum", patientPmsId!) : new("AptNum", aptNum.ToString(CultureInfo.InvariantCulture)),
        };
        var procedures = new List<ApiProcedureLog>();
        await foreach (var procedure in ApiList.ItemsAsync<ApiProcedureLog>(client, "procedurelogs", filter, What, ApiLedgerWire.Json, cancellationToken))
        {
            if (planned ? procedure.PlannedAptNum == aptNum : procedure.AptNum == aptNum)
            {
                procedures.Add(procedure);
            }
        }
        return procedures;
    }
}
