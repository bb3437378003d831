using System.Net;
using DentalHub.Data;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;

namespace DentalHub.Tests.Writeback.MixedKinds;

/// <summary>
/// The exactly-once property over every kind of write at once: random writes of every kind to random patients, random
/// faults on the PMS's endpoints (stored but the answer lost, 500 before or after storing, 429, a dropped connection,
/// reads that fail while reconciling) and the engine killed at random moments. Afterwards, with the PMS healthy and what
/// was parked retried by a person, every write caused is in the PMS exactly once: none lost, none doubled.
/// CI runs <see cref="DefaultSchedules"/> schedules per database; DENTALHUB_WRITEBACK_SCHEDULES runs more (bench/README.md).
/// </summary>
public abstract class MixedWritebackSuite(DatabaseProvider provider)
{
    public const int DefaultSchedules = 15;
    private const int StepsPerSchedule = 8;

    // A held answer outlasts the client's 30 s timeout: connector tests cover it; here a dropped answer stands for it.
    private static readonly PaymentFault[] Faults = Enum.GetValues<PaymentFault>().Where(f => f != PaymentFault.TimeoutAfterCommit).ToArray();

    [SkippableFact]
    public async Task RandomWritesOfEveryKindWithFaultsAndKills_EachEndsInThePmsExactlyOnce()
    {
        await using var h = await MixedWritebackHarness.StartAsync(provider);
        var caused = new Dictionary<string, int>();
        for (var schedule = 1; schedule <= Schedules; schedule++)
        {
            await RunScheduleAsync(h, new Random(schedule), schedule, caused);
            await h.SettleAsync();

            var commands = await h.CommandsAsync();
            foreach (var kind in MixedWriteKind.All)
            {
                var ofKind = commands.Where(c => c.Kind == kind.Kind).ToList();
                Assert.True(caused.GetValueOrDefault(kind.Kind) == ofKind.Count, $"schedule {schedule}: {caused.GetValueOrDefault(kind.Kind)} {kind.Kind} writes caused, {ofKind.Count} commands");
                foreach (var command in ofKind)
                {
                    Assert.True(command.State == WritebackState.Confirmed, $"schedule {schedule}: {kind.Kind} {command.Reference} ended {command.State}: {command.LastError}");
                    Assert.True(kind.Stored(h.Api, command.Reference) == 1, $"schedule {schedule}: {kind.Kind} {command.Reference} is in the PMS {kind.Stored(h.Api, command.Reference)} times");
                }
            }
        }
        // The faults were met: more requests reached the PMS than writes were caused, yet nothing was stored twice.
        var posts = MixedWriteKind.All.Sum(kind => kind.Endpoint(h.Api).Posts);
        Assert.True(posts > caused.Values.Sum(), $"{posts} POSTs for {caused.Values.Sum()} writes: no fault was met");
        Assert.All(MixedWriteKind.All, kind => Assert.True(caused.GetValueOrDefault(kind.Kind) > 0, $"no {kind.Kind} write was caused"));
    }

    private static int Schedules =>
        int.TryParse(Environment.GetEnvironmentVariable("DENTALHUB_WRITEBACK_SCHEDULES"), out var count) && count > 0 ? count : DefaultSchedules;

    private static async Task RunScheduleAsync(MixedWritebackHarness h, Random random, int schedule, Dictionary<string, int> caused)
    {
        for (var step = 0; step < StepsPerSchedule; step++)
        {
            for (var f = random.Next(0, 3); f > 0; f--)
            {
                MixedWriteKind.All[random.Next(MixedWriteKind.All.Count)].Endpoint(h.Api).FailNext(Faults[random.Next(Faults.Length)]);
            }
            if (random.NextDouble() < 0.2)
            {
                h.Api.FailNext(1, HttpStatusCode.ServiceUnavailable);
            }
            var kind = MixedWriteKind.All[random.Next(MixedWriteKind.All.Count)];
            await kind.CauseAsync(h, h.PatientIds[random.Next(h.PatientIds.Count)], $"{schedule}_{step}", random);
            foreach (var recorded in kind.Records)
            {
                caused[recorded] = caused.GetValueOrDefault(recorded) + 1;
            }
            h.CatchUpWithTheApp();
            var kill = random.NextDouble() < 0.3 ? TimeSpan.FromMilliseconds(random.Next(1, 40)) : (TimeSpan?)null;
            await h.StepAsync(kill, TimeSpan.FromSeconds(random.Next(1, 200)));
        }
    }
}

public sealed class MixedWritebackOnSqlite() : MixedWritebackSuite(DatabaseProvider.Sqlite);

public sealed class MixedWritebackOnPostgres() : MixedWritebackSuite(DatabaseProvider.Postgres);
