using System.Net;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth.Wire;

namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// A system whose insurance NexHealth reads (its parity: Dentrix, Dentrix Enterprise, Eaglesoft, Open Dental): plans, with
/// the ones deleted in the system reported as deleted, and each patient's active dental coverages. NexHealth answers 403
/// on insurance until it turns financial data on for the practice, which the check and the reads say in those words.
/// </summary>
internal class NexHealthInsuredConnector(NexHealthPms pms, NexHealthClient reads, NexHealthClient checks, TimeProvider time)
    : NexHealthPmsConnector(pms, reads, checks, time), IReadsInsurance
{
    private readonly NexHealthClient checks = checks;

    public IChangeFeed<PmsInsurancePlan> InsurancePlans => new NexHealthFeed<NexInsurancePlan, PmsInsurancePlan>(
        Reads, "insurance_plans", "insurance plans", () => [new("include_deleted", "true")], p => p.ToPmsInsurancePlan(), ReadsBehind.ConfirmAsync,
        deleted: p => !string.IsNullOrEmpty(p.DeletedAt), forbidden: NexHealthMessages.FinancialsOff(Pms, Settings));

    // Only active coverages are answered: one that ends or is removed is marked deleted by the daily full read.
    public IChangeFeed<PmsCoverage> Coverages => new NexHealthFeed<NexInsuranceCoverage, PmsCoverage>(
        Reads, "insurance_coverages", "insurance coverages", () => [], c => c.ToPmsCoverage(), ReadsBehind.ConfirmAsync,
        sortsByUpdatedAt: false, forbidden: NexHealthMessages.FinancialsOff(Pms, Settings)).WithUntracedDeletions();

    protected override async Task<string?> CheckMoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checks.GetAsync("insurance_plans", [new("per_page", "1")], "insurance plans", cancellationToken);
            return null;
        }
        catch (NexHealthApiException e) when (e.Status == HttpStatusCode.Forbidden)
        {
            return NexHealthMessages.FinancialsOff(Pms, Settings);
        }
    }
}
