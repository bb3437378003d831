using DentalHub.Patients;

namespace DentalHub.Tests.Sync;

public sealed class MatchKeyTests
{
    private static readonly DateOnly Birth = new(1990, 2, 3);

    [Theory]
    [InlineData("José", "Müller-Lüdenscheidt", "  jose ", "MULLER\u2013LUDENSCHEIDT")]
    [InlineData("Zoë", "O'Brien", "Zoe", "O\u2019Brien")]
    [InlineData("Mary  Ann", "Smith", "mary ann", "smith")]
    [InlineData("Chloé", "D'Angelo", "CHLOE", "D\u00B4ANGELO")]
    [InlineData("Ann", "Lee-Park", "Ann", "Lee Park")]
    [InlineData("Ann-Marie", "Lee", "Ann Marie", "Lee")]
    [InlineData("Sean", "O'Brien", "Sean", "OBrien")]
    [InlineData("J.R.", "St. John", "JR", "St John")]
    [InlineData("Ana", "de la Cruz", "Ana", "De La  Cruz")]
    [InlineData("Łukasz", "Øster", "lukasz", "oster")]
    public void MatchKey_SpellingVariantsOfOneName_AreEqual(string first, string last, string otherFirst, string otherLast) =>
        Assert.Equal(MatchKeys.For(first, last, Birth), MatchKeys.For(otherFirst, otherLast, Birth));

    [Theory]
    [InlineData("Ann", "Lee", "Anne", "Lee")]
    [InlineData("Ann", "Lee", "Ann", "Le")]
    [InlineData("Ann", "Lee", "Lee", "Ann")]
    public void MatchKey_DifferentNames_AreNotEqual(string first, string last, string otherFirst, string otherLast) =>
        Assert.NotEqual(MatchKeys.For(first, last, Birth), MatchKeys.For(otherFirst, otherLast, Birth));

    [Fact]
    public void MatchKey_DifferentBirthdate_IsNotEqual() =>
        Assert.NotEqual(MatchKeys.For("Ann", "Lee", Birth), MatchKeys.For("Ann", "Lee", Birth.AddDays(1)));

    [Fact]
    public void MatchKey_FirstAndLastNameRunTogether_AreNotEqual() =>
        Assert.NotEqual(MatchKeys.For("Ann", "Lee", Birth), MatchKeys.For("An", "nLee", Birth));
}
