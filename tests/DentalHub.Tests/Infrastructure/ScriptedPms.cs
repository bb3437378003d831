using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// A PMS held in memory that a test scripts: patients it adds and edits (each edit moves the row to
/// the end of the change order, as a change stamp does), pages of a chosen size, a crash after N pages,
/// and a gate that holds a read mid-way. Each test's PMS is found by the connection's "instance" setting.
/// </summary>
public sealed class ScriptedPms
{
    public const string Key = "scripted-pms";
    private static readonly ConcurrentDictionary<string, ScriptedPms> Instances = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, (PmsPatient Patient, long Sequence)> rows = [];
    private long sequence;

    public ScriptedPms() => Instances[Id] = this;

    public string Id { get; } = Guid.NewGuid().ToString("N");
    public int PageSize { get; set; } = 50;

    /// <summary>Throws after this many pages of the next read, as a crash of the process would stop it.</summary>
    public int? CrashAfterPages { get; set; }

    /// <summary>When set, the connection check fails with this message.</summary>
    public string? CheckProblem { get; set; }

    /// <summary>When set, the read waits here after its first page until the test releases it.</summary>
    public TaskCompletionSource? HoldAfterFirstPage { get; set; }

    public TaskCompletionSource FirstPageServed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int PagesServed { get; private set; }

    /// <summary>When set, reaching the PMS fails with this message, as a refused database password does.</summary>
    public string? RefusesConnection { get; set; }

    public ScriptedFeed<PmsProvider> Providers { get; } = new();

    /// <summary>The system this connection says is behind it (as a connector reaching several PMSs does); null: the connector's name.</summary>
    public string? SystemName { get; set; }

    /// <summary>What this connection's settings lack to write payments (as a connector without write keys says); null: it can.</summary>
    public string? MissingToWritePayments { get; set; }

    public ScriptedFeed<PmsAppointment> Appointments { get; } = new();

    public ScriptedFeed<PmsInsurancePlan> InsurancePlans { get; } = new();

    public ScriptedFeed<PmsCoverage> Coverages { get; } = new();

    public ScriptedFeed<PmsClaim> Claims { get; } = new();

    public ScriptedFeed<PmsLedgerEntry> LedgerEntries { get; } = new();

    public ScriptedFeed<PmsFamilyBalance> Balances { get; } = new();

    public ScriptedFeed<PmsOperatory> Operatories { get; } = new();

    public ScriptedFeed<PmsAppointmentType> AppointmentTypes { get; } = new();

    public ScriptedFeed<PmsClinic> Clinics { get; } = new();

    public ScriptedFeed<PmsScheduleBlock> Schedules { get; } = new();

    public static ConnectorDescriptor Descriptor { get; } = new(
        Key, "Scripted PMS (test double)", "A PMS scripted by a test.", ConnectorKind.PracticeManagement,
        [new ConnectorField("instance", "Instance", "Which scripted PMS.")],
        context => new Reader(Instances[context.Settings.Required("instance", "Instance")]))
    {
        SystemName = "the test PMS",
    };

    public Dictionary<string, string> Settings => new() { ["instance"] = Id };

    public void Upsert(PmsPatient patient)
    {
        lock (gate)
        {
            rows[patient.PmsId] = (patient, ++sequence);
        }
    }

    public void Edit(string pmsId, Func<PmsPatient, PmsPatient> change)
    {
        lock (gate)
        {
            rows[pmsId] = (change(rows[pmsId].Patient), ++sequence);
        }
    }

    public static PmsPatient Patient(string pmsId, string? first, string? last, DateOnly? birth, string? guarantor = null, string? email = null) =>
        new(pmsId, guarantor ?? pmsId, first, last, null, null, birth, PmsGender.Unknown, PmsPatientStatus.Active, email ?? $"p{pmsId}@example.com",
            new PmsPhones(null, "(555) 010-0000", null), new PmsAddress("1 Main St", null, "Springfield", "IL", "62701"), "1", "DOC1", null);

    private LedgerFault NextFault()
    {
        lock (gate)
        {
            return WriteFaults.TryDequeue(out var fault) ? fault : LedgerFault.None;
        }
    }

    private string Commit(PmsPaymentWrite payment)
    {
        lock (gate)
        {
            var id = (Ledger.Count + 1000).ToString(CultureInfo.InvariantCulture);
            Ledger.Add((payment.Reference, payment.PmsPatientId, payment.Amount, id));
            return id;
        }
    }

    private List<(PmsPatient Patient, long Sequence)> ChangedSince(long since)
    {
        lock (gate)
        {
            return rows.Values.Where(r => r.Sequence > since).OrderBy(r => r.Sequence).ToList();
        }
    }

    /// <summary>What the PMS ledger holds: payments written through the connector, by our reference.</summary>
    public List<(string Reference, string PmsPatientId, decimal Amount, string Id)> Ledger { get; } = [];

    /// <summary>What happens to each next write, in order; an empty queue means the write succeeds.</summary>
    public Queue<LedgerFault> WriteFaults { get; } = new();

    /// <summary>What happens to each next read-back, in order; an empty queue means the read-back works.</summary>
    public Queue<bool> ReadBackUnavailable { get; } = new();

    /// <summary>Called to "kill" the dispatcher mid-step (it cancels the dispatcher's token).</summary>
    public Action? Crash { get; set; }

    private sealed class Reader(ScriptedPms pms) : IConnector, IReadsPatients, IReadsProviders, IReadsAppointments, IReadsInsurance, IReadsClaims, IReadsLedger, IReadsBalances, IReadsOperatories, IReadsAppointmentTypes, IReadsClinics, IReadsSchedules, IWritesPayments
    {
        IChangeFeed<PmsProvider> IReadsProviders.Providers => pms.Providers;

        public string? SystemName => pms.SystemName;

        IChangeFeed<PmsAppointment> IReadsAppointments.Appointments => pms.Appointments;

        IChangeFeed<PmsInsurancePlan> IReadsInsurance.InsurancePlans => pms.InsurancePlans;

        IChangeFeed<PmsCoverage> IReadsInsurance.Coverages => pms.Coverages;

        IChangeFeed<PmsClaim> IReadsClaims.Claims => pms.Claims;

        IChangeFeed<PmsLedgerEntry> IReadsLedger.LedgerEntries => pms.LedgerEntries;

        IChangeFeed<PmsFamilyBalance> IReadsBalances.Balances => pms.Balances;

        IChangeFeed<PmsOperatory> IReadsOperatories.Operatories => pms.Operatories;

        IChangeFeed<PmsAppointmentType> IReadsAppointmentTypes.AppointmentTypes => pms.AppointmentTypes;

        IChangeFeed<PmsClinic> IReadsClinics.Clinics => pms.Clinics;

        IChangeFeed<PmsScheduleBlock> IReadsSchedules.Schedules => pms.Schedules;

        public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
        {
            var fault = pms.NextFault();
            switch (fault)
            {
                case LedgerFault.CrashBeforeSend:
                    return Die(cancellationToken);
                case LedgerFault.CrashAfterCommit:
                    pms.Commit(payment);
                    return Die(cancellationToken);
                case LedgerFault.TryLater:
                    return Task.FromResult<WriteOutcome>(new WriteOutcome.TryLater("The PMS asked us to slow down.", TimeSpan.FromSeconds(10)));
                case LedgerFault.Refuse:
                    return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused("The patient's account is closed in the PMS."));
                case LedgerFault.DroppedBeforeCommit:
                    return Task.FromResult<WriteOutcome>(new WriteOutcome.Unknown("The connection dropped."));
                case LedgerFault.LostResponseAfterCommit:
                    pms.Commit(payment);
                    return Task.FromResult<WriteOutcome>(new WriteOutcome.Unknown("The PMS did not answer in time."));
                case LedgerFault.None:
                    return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(pms.Commit(payment)));
                default:
                    throw new ArgumentOutOfRangeException(nameof(payment), fault, null);
            }
        }

        public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken)
        {
            lock (pms.gate)
            {
                if (pms.ReadBackUnavailable.TryDequeue(out var unavailable) && unavailable)
                {
                    return Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck("The PMS could not be read."));
                }
                var found = pms.Ledger.Where(l => l.Reference == payment.Reference).ToList();
                return Task.FromResult<FindOutcome>(found.Count > 0 ? new FindOutcome.Found(found[0].Id) : new FindOutcome.NotFound());
            }
        }

        public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PmsPaymentType>>([new PmsPaymentType("71", "Credit Card", false)]);

        private Task<WriteOutcome> Die(CancellationToken cancellationToken)
        {
            pms.Crash?.Invoke();
            throw new OperationCanceledException("The process was killed.", cancellationToken);
        }

        public Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken) =>
            Task.FromResult(pms.CheckProblem is { } problem ? ConnectionCheckResult.Failed(problem) : ConnectionCheckResult.Ok("Scripted PMS ready."));

        public string? MissingFor(Type capability) => capability == typeof(IWritesPayments) ? pms.MissingToWritePayments : null;

        public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) =>
            pms.RefusesConnection is { } refused ? throw new ConnectorException(refused) : Task.FromResult<int?>(pms.ChangedSince(0).Count);

        public async IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (pms.RefusesConnection is { } refused)
            {
                throw new ConnectorException(refused);
            }
            var since = cursor is null ? 0 : long.Parse(cursor.Value, CultureInfo.InvariantCulture);
            var pages = 0;
            foreach (var page in pms.ChangedSince(since).Chunk(pms.PageSize))
            {
                if (pms.CrashAfterPages is { } crash && pages == crash)
                {
                    pms.CrashAfterPages = null;
                    throw new InvalidOperationException("Simulated crash of the process mid-run.");
                }
                pages++;
                pms.PagesServed++;
                yield return new ChangePage<PmsPatient>(page.Select(r => r.Patient).ToList(), new SyncCursor(page[^1].Sequence.ToString(CultureInfo.InvariantCulture)));
                pms.FirstPageServed.TrySetResult();
                if (pms.HoldAfterFirstPage is { } hold)
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
            }
        }
    }
}

public enum LedgerFault
{
    None,
    TryLater,
    Refuse,
    DroppedBeforeCommit,
    LostResponseAfterCommit,
    CrashBeforeSend,
    CrashAfterCommit,
}
