using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office's insurance in Open Dental's 21.1 schema, as its windows would have written it. Plan 10 (Delta
/// Dental, PPO, employer Acme Corp) has an individual annual maximum of 1500 and a deductible of 50 among
/// benefits that must not count (family, lifetime orthodontics, preventive, a patient override, a lower
/// maximum in the General category). Plan 11 (MetLife, hidden) records no benefits; plan 12 only a maximum
/// in the General category.
/// <para>
/// The family: parent 101 subscribes to plan 10 (coverage 301, primary); spouse 102 subscribes to plan 11;
/// child 103 is covered by the parent's plan as Child (302, primary) and by the spouse's as Child (303,
/// secondary). 104's coverage 304 ended on 2023-12-31. 105 is on plan 11 as a significant other (306).
/// </para>
/// <para>
/// This benefit year (dated today) 101 has 150.10 paid (deductible 50), 80.25 pending, 20 supplemental and a
/// 10 benefit adjustment on subscription 201; an estimate, a preauthorization and last year's payment do not
/// count. The child has 40 paid on the same subscription. Claims: 401 received and partly paid (180.50 of
/// 240 estimated, 45.25 written off), 402 unsent, 403 to 408 one per status letter.
/// </para>
/// </summary>
public sealed class InsuranceOfficeDatabase : OpenDentalDatabase
{
    protected override Task SeedAsync() => ExecuteAsync("""
        INSERT INTO carrier (CarrierNum, CarrierName, SecDateTEdit) VALUES
          (1, 'Delta Dental', '2024-03-01 09:00:00'), (2, 'MetLife', '2024-03-01 09:00:00');
        INSERT INTO employer (EmployerNum, EmpName) VALUES (1, 'Acme Corp');
        INSERT INTO insplan (PlanNum, CarrierNum, GroupName, GroupNum, PlanType, EmployerNum, MonthRenew, IsHidden, PlanNote, SecDateTEdit) VALUES
          (10, 1, 'Acme Dental', 'G-100', 'p', 1, 0, 0, '', '2024-03-01 09:00:00'),
          (11, 2, '', '', '', 0, 0, 1, '', '2024-03-01 09:00:00'),
          (12, 1, 'Small Co', 'G-12', 'c', 0, 6, 0, '', '2024-03-01 09:00:00');
        INSERT INTO benefit (BenefitNum, PlanNum, PatPlanNum, CovCatNum, BenefitType, Percent, MonetaryAmt, TimePeriod, QuantityQualifier, Quantity, CodeNum, CoverageLevel, SecDateTEdit) VALUES
          (1, 10, 0, 0, 5, -1, 1500, 2, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (2, 10, 0, 1, 5, -1, 1200, 2, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (3, 10, 0, 0, 5, -1, 3000, 2, 0, 0, 0, 2, '2024-03-01 09:00:00'),
          (4, 10, 0, 12, 5, -1, 2000, 3, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (5, 10, 0, 0, 2, -1, 50, 2, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (6, 10, 0, 3, 2, -1, 0, 2, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (7, 10, 0, 0, 5, -1, -1, 2, 1, 2, 0, 0, '2024-03-01 09:00:00'),
          (8, 10, 0, 0, 2, -1, 150, 2, 0, 0, 0, 2, '2024-03-01 09:00:00'),
          (9, 0, 301, 0, 5, -1, 500, 2, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (10, 10, 0, 4, 1, 80, -1, 0, 0, 0, 0, 0, '2024-03-01 09:00:00'),
          (11, 12, 0, 1, 5, -1, 1000, 1, 0, 0, 0, 1, '2024-03-01 09:00:00'),
          (12, 12, 0, 0, 2, -1, -1, 1, 0, 0, 0, 1, '2024-03-01 09:00:00');
        INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, DateEffective, DateTerm, BenefitNotes, SubscNote, SecDateTEdit) VALUES
          (201, 10, 101, 'DD123', '2020-01-01', '0001-01-01', '', '', '2024-03-01 09:00:00'),
          (202, 11, 102, 'MET9', '2021-05-01', '0001-01-01', '', '', '2024-03-01 09:00:00'),
          (203, 10, 104, 'DD777', '2019-01-01', '2023-12-31', '', '', '2024-03-01 09:00:00');
        INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship, SecDateTEdit) VALUES
          (301, 101, 201, 1, 0, '2024-03-01 09:00:00'),
          (302, 103, 201, 1, 2, '2024-03-01 09:00:00'),
          (303, 103, 202, 2, 2, '2024-03-01 09:00:00'),
          (304, 104, 203, 1, 0, '2024-03-01 09:00:00'),
          (305, 102, 202, 1, 0, '2024-03-01 09:00:00'),
          (306, 105, 202, 1, 5, '2024-03-01 09:00:00');
        INSERT INTO claimproc (ClaimProcNum, PatNum, PlanNum, InsSubNum, ClaimNum, Status, InsPayAmt, InsPayEst, DedApplied, ProcDate, SecDateTEdit) VALUES
          (1, 101, 10, 201, 401, 1, 150.10, 160, 50, CURDATE(), '2024-03-01 09:00:00'),
          (2, 101, 10, 201, 402, 0, 0, 80.25, 0, CURDATE(), '2024-03-01 09:00:00'),
          (3, 101, 10, 201, 401, 4, 20, 0, 0, CURDATE(), '2024-03-01 09:00:00'),
          (4, 101, 10, 201, 0, 3, 10, 0, 0, CURDATE(), '2024-03-01 09:00:00'),
          (5, 101, 10, 201, 0, 6, 0, 500, 0, CURDATE(), '2024-03-01 09:00:00'),
          (6, 101, 10, 201, 0, 2, 0, 99, 0, CURDATE(), '2024-03-01 09:00:00'),
          (7, 101, 10, 201, 0, 1, 300, 300, 25, MAKEDATE(YEAR(CURDATE()) - 1, 1), '2024-03-01 09:00:00'),
          (8, 103, 10, 201, 0, 1, 40, 40, 0, CURDATE(), '2024-03-01 09:00:00');
        INSERT INTO claim (ClaimNum, PatNum, PlanNum, InsSubNum, ClaimStatus, ClaimType, DateService, DateSent, DateReceived, ClaimFee, InsPayEst, InsPayAmt, WriteOff, SecDateTEdit) VALUES
          (401, 101, 10, 201, 'R', 'P', '2026-02-10', '2026-02-12', '2026-03-02', 300, 240, 180.5, 45.25, '2024-03-01 09:00:00'),
          (402, 101, 10, 201, 'U', 'P', '2026-03-12', '0001-01-01', '0001-01-01', 120, 80.25, 0, 0, '2024-03-01 09:00:00'),
          (403, 103, 11, 202, 'W', 'S', '2026-03-12', '0001-01-01', '0001-01-01', 60, 30, 0, 0, '2024-03-01 09:00:00'),
          (404, 103, 11, 202, 'H', 'S', '2026-03-12', '0001-01-01', '0001-01-01', 60, 30, 0, 0, '2024-03-01 09:00:00'),
          (405, 103, 11, 202, 'I', 'S', '2026-03-12', '0001-01-01', '0001-01-01', 60, 30, 0, 0, '2024-03-01 09:00:00'),
          (406, 101, 10, 201, 'S', 'PreAuth', '2026-03-12', '2026-03-13', '0001-01-01', 900, 450, 0, 0, '2024-03-01 09:00:00'),
          (407, 101, 10, 201, 'P', 'P', '2016-03-12', '2016-03-13', '0001-01-01', 60, 30, 0, 0, '2024-03-01 09:00:00'),
          (408, 101, 10, 201, '', 'Other', '2016-03-12', '0001-01-01', '0001-01-01', 60, 30, 0, 0, '2024-03-01 09:00:00')
        """);
}
