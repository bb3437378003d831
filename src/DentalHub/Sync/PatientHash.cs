using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DentalHub.Connectors.Contract;

namespace DentalHub.Sync;

/// <summary>A fingerprint of the fields DentalHub keeps, so a record the PMS re-sends unchanged costs no write.</summary>
public static class PatientHash
{
    public static long Of(PmsPatient p)
    {
        var text = string.Join('\u001f',
            p.GuarantorPmsId, p.FirstName, p.LastName, p.MiddleName, p.PreferredName,
            p.BirthDate?.DayNumber, (int)p.Gender, (int)p.Status, p.Email,
            p.Phones.Home, p.Phones.Mobile, p.Phones.Work,
            p.Address.Line1, p.Address.Line2, p.Address.City, p.Address.State, p.Address.PostalCode,
            p.ClinicId, p.PrimaryProviderId);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }
}
