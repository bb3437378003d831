using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// Who the sample practice's patients are insured by, the same whatever the day: about six families in ten have
/// a plan through the guarantor's employer covering everyone in the family; in about a third of those the
/// partner has a plan of their own, which is their primary and the children's secondary. What each coverage has
/// used is filled in from the claims (<see cref="DemoBilling"/>).
/// </summary>
public static class DemoCoverages
{
    public static IReadOnlyList<PmsCoverage> For(DemoPractice practice)
    {
        var random = DemoRandom.For(practice.Seed, 0, 7);
        var coverages = new List<PmsCoverage>();
        var families = practice.Patients
            .Where(p => !practice.ProblemPatientIds.Contains(p.PmsId))
            .GroupBy(p => p.GuarantorPmsId ?? p.PmsId);
        foreach (var family in families)
        {
            // The same draws for every family, insured or not, so one family's insurance never moves another's.
            var insured = random.Next(100) < 60;
            var plan = random.Next(DemoOffice.Plans.Count);
            var partnerHasOwn = random.Next(100) < 35;
            var partnerPlan = (plan + 1 + random.Next(DemoOffice.Plans.Count - 1)) % DemoOffice.Plans.Count;
            var since = new DateOnly(2017 + random.Next(8), 1 + random.Next(12), 1);
            var subscriberNumber = random.Next(100_000_000, 999_999_999);
            var partnerNumber = random.Next(100_000_000, 999_999_999);
            if (!insured)
            {
                continue;
            }
            var guarantor = family.First(p => p.PmsId == family.Key);
            var partner = family.FirstOrDefault(p => p.PmsId != family.Key && !IsChild(p));
            var hasPartnerPlan = partnerHasOwn && partner is not null;
            foreach (var member in family)
            {
                var (priority, relationship) = member == guarantor ? (1, PmsRelationship.Self)
                    : member == partner ? (hasPartnerPlan ? 2 : 1, PmsRelationship.Spouse)
                    : (1, PmsRelationship.Child);
                coverages.Add(Coverage(coverages.Count + 1, member, plan, guarantor, subscriberNumber, priority, relationship, since));
                if (hasPartnerPlan && member == partner)
                {
                    coverages.Add(Coverage(coverages.Count + 1, member, partnerPlan, partner!, partnerNumber, 1, PmsRelationship.Self, since));
                }
                else if (hasPartnerPlan && member != guarantor)
                {
                    coverages.Add(Coverage(coverages.Count + 1, member, partnerPlan, partner!, partnerNumber, 2, PmsRelationship.Child, since));
                }
            }
        }
        return coverages;
    }

    // The sample's children are the ones born from 2008 on (DemoPractice); they stay on a parent's plan until 26.
    private static bool IsChild(PmsPatient patient) => patient.BirthDate is { Year: >= 2008 };

    private static PmsCoverage Coverage(int id, PmsPatient member, int plan, PmsPatient subscriber, int number, int priority, PmsRelationship relationship, DateOnly since)
    {
        var planRecord = DemoOffice.Plans[plan].Plan;
        return new PmsCoverage(
            id.ToString(CultureInfo.InvariantCulture),
            member.PmsId,
            planRecord.PmsId,
            subscriber.PmsId,
            $"{planRecord.CarrierName![0]}{number}",
            priority,
            relationship,
            since,
            null,
            BenefitsUsed: 0m,
            DeductibleMet: 0m);
    }
}
