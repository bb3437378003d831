using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// Open Dental's schema with the account rows that are awkward to read: a payment split across two family
/// members, a negative adjustment reversing a charge, a claim paid in part with a write-off, a supplemental
/// payment, an estimate, a treatment-planned procedure, a procedure billed in units, an income transfer and
/// a refund; the families' aging on their guarantors. Stamps are in March 2024 (UTC).
/// </summary>
public sealed class AccountDatabase : OpenDentalDatabase
{
    protected override async Task SeedAsync()
    {
        await InsertAsync(
            new PatientSeed(10, "Ann", "Lee", Guarantor: 10),
            new PatientSeed(11, "Ben", "Lee", Guarantor: 10),
            new PatientSeed(20, "Cy", "Park", Guarantor: 20),
            new PatientSeed(30, "Di", "Ng", Guarantor: 0));
        await ExecuteAsync("""
            UPDATE patient SET Bal_0_30 = 438.30, Bal_31_60 = 0, Bal_61_90 = 0, BalOver90 = 0, BalTotal = 438.30, InsEst = 300, DateTStamp = '2024-03-31 22:00:00' WHERE PatNum = 10;
            UPDATE patient SET Bal_0_30 = 0, BalTotal = -25.5, InsEst = 0, DateTStamp = '2024-03-31 22:00:00' WHERE PatNum = 20;
            INSERT INTO carrier (CarrierNum, CarrierName) VALUES (1, 'Delta Dental');
            INSERT INTO insplan (PlanNum, CarrierNum) VALUES (1, 1);
            INSERT INTO procedurelog (ProcNum, PatNum, ProcStatus, ProcDate, ProcFee, UnitQty, BaseUnits, CodeNum, ProvNum, ClinicNum, DateTStamp) VALUES
              (1, 10, 2, '2024-03-01', 130, 1, 0, 112, 1, 2, '2024-03-01 10:00:00'),
              (2, 11, 2, '2024-03-01', 1045.5, 1, 0, 142, 1, 2, '2024-03-01 10:00:00'),
              (3, 11, 1, '2024-03-01', 99, 1, 0, 35, 1, 2, '2024-03-01 10:00:01'),
              (4, 10, 2, '2024-03-02', 40.1, 2, 1, 35, 1, 0, '2024-03-02 10:00:00'),
              (5, 10, 2, '2024-03-02', 88, 1, 0, 35, 1, 0, '2024-03-02 10:00:00');
            INSERT INTO adjustment (AdjNum, PatNum, AdjDate, AdjAmt, AdjType, ProvNum, ClinicNum, ProcNum, SecDateTEdit) VALUES
              (3, 10, '2024-03-02', -130, 1, 1, 2, 1, '2024-03-02 11:00:00');
            INSERT INTO payment (PayNum, PayType, PayDate, PayAmt, PatNum, PayNote) VALUES
              (900, 69, '2024-03-05', 100, 10, ''), (901, 0, '2024-03-06', 0, 10, ''), (902, 70, '2024-03-07', -25.5, 20, '');
            INSERT INTO paysplit (SplitNum, PayNum, PatNum, SplitAmt, DatePay, ProvNum, ClinicNum, SecDateTEdit) VALUES
              (7, 900, 10, 50.25, '2024-03-05', 1, 2, '2024-03-05 09:00:00'),
              (8, 900, 11, 49.75, '2024-03-05', 1, 2, '2024-03-05 09:00:00'),
              (9, 901, 10, -15, '2024-03-06', 1, 0, '2024-03-06 09:00:00'),
              (10, 901, 11, 15, '2024-03-06', 1, 0, '2024-03-06 09:00:00'),
              (11, 902, 20, -25.5, '2024-03-07', 1, 0, '2024-03-07 09:00:00');
            INSERT INTO claimproc (ClaimProcNum, PatNum, ProcNum, ClaimNum, PlanNum, Status, InsPayEst, InsPayAmt, WriteOff, DateCP, CodeSent, ProvNum, ClinicNum, SecDateTEdit) VALUES
              (5, 11, 2, 44, 1, 1, 650, 600.4, 95.1, '2024-03-20', 'D2740', 1, 2, '2024-03-20 15:00:00'),
              (6, 10, 4, 45, 1, 0, 300, 0, 0, '0001-01-01', 'D0120', 1, 0, '2024-03-20 15:00:00'),
              (7, 10, 1, 0, 1, 6, 80, 0, 0, '0001-01-01', 'D2391', 1, 2, '2024-03-20 15:00:00'),
              (8, 11, 2, 44, 1, 4, 0, 20, 0, '2024-03-25', 'D2740', 1, 2, '2024-03-25 15:00:00');
            """);
    }
}
