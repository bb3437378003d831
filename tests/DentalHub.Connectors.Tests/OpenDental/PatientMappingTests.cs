using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;

namespace DentalHub.Connectors.Tests.OpenDental;

public sealed class PatientMappingTests
{
    [Theory]
    [InlineData(0, "Patient", PmsPatientStatus.Active)]
    [InlineData(1, "NonPatient", PmsPatientStatus.NonPatient)]
    [InlineData(2, "Inactive", PmsPatientStatus.Inactive)]
    [InlineData(3, "Archived", PmsPatientStatus.Archived)]
    [InlineData(4, "Deleted", PmsPatientStatus.Deleted)]
    [InlineData(5, "Deceased", PmsPatientStatus.Deceased)]
    [InlineData(6, "Prospective", PmsPatientStatus.Prospective)]
    [InlineData(42, "Martian", PmsPatientStatus.Inactive)]
    public void Status_CodeOrName_MapsTheSame(int code, string name, PmsPatientStatus expected)
    {
        Assert.Equal(expected, PatientMapping.Status(code));
        Assert.Equal(expected, PatientMapping.Status(name));
    }

    [Theory]
    [InlineData(0, "Male", PmsGender.Male)]
    [InlineData(1, "Female", PmsGender.Female)]
    [InlineData(2, "Unknown", PmsGender.Unknown)]
    [InlineData(3, "Other", PmsGender.Other)]
    public void Gender_CodeOrName_MapsTheSame(int code, string name, PmsGender expected)
    {
        Assert.Equal(expected, PatientMapping.Gender(code));
        Assert.Equal(expected, PatientMapping.Gender(name));
    }

    [Theory]
    [InlineData("1976-05-24", 1976, 5, 24)]
    [InlineData("1976-05-24T00:00:00", 1976, 5, 24)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("0000-00-00", 1, 1, 1)]
    public void BirthDate_ApiText_ParsedOrMarkedImpossible(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PatientMapping.BirthDate(text));
    }

    [Fact]
    public void BirthDate_Missing_IsNull()
    {
        Assert.Null(PatientMapping.BirthDate(""));
        Assert.Null(PatientMapping.BirthDate(null));
    }

    [Fact]
    public void Text_EmptyOrBlank_IsNull()
    {
        Assert.Null(PatientMapping.Text(""));
        Assert.Null(PatientMapping.Text("  "));
        Assert.Equal("O'Brien", PatientMapping.Text("O'Brien"));
    }
}
