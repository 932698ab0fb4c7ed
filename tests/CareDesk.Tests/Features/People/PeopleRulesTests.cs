using CareDesk.Features.People;
using CareDesk.Platform.Api;

namespace CareDesk.Tests.Features.People;

/// <summary>Small rules about people: stale facts, the words the API uses, and which caller a contact is linked to.</summary>
public sealed class PeopleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    [Fact]
    public void A_fact_recorded_without_a_confirmer_is_unverified_and_one_recorded_by_someone_is_verified_then()
    {
        var unverified = FactProvenance.Recorded(FactSource.Dealer, Now);
        var verified = FactProvenance.Recorded(FactSource.Agent, Now, "agent-1");

        Assert.Equal((FactSource.Dealer, Now, (DateTimeOffset?)null, (string?)null), (unverified.Source, unverified.RecordedAt, unverified.VerifiedAt, unverified.VerifiedBy));
        Assert.Equal((FactSource.Agent, Now, (DateTimeOffset?)Now, "agent-1"), (verified.Source, verified.RecordedAt, verified.VerifiedAt, verified.VerifiedBy));
    }

    [Fact]
    public void Confirming_a_fact_keeps_its_source_and_recording_time()
    {
        var confirmed = FactProvenance.Recorded(FactSource.Dealer, Now - Year).Confirmed(Now, "agent-2");

        Assert.Equal((FactSource.Dealer, Now - Year, (DateTimeOffset?)Now, "agent-2"), (confirmed.Source, confirmed.RecordedAt, confirmed.VerifiedAt, confirmed.VerifiedBy));
    }

    [Fact]
    public void A_fact_is_stale_only_once_older_than_the_age_counted_from_its_last_confirmation()
    {
        Assert.False(FactProvenance.Recorded(FactSource.Dealer, Now - Year).IsStale(Now, Year));
        Assert.True(FactProvenance.Recorded(FactSource.Dealer, Now - Year - TimeSpan.FromTicks(1)).IsStale(Now, Year));
        Assert.False(FactProvenance.Recorded(FactSource.Dealer, Now - (2 * Year)).Confirmed(Now - TimeSpan.FromDays(1), "agent-1").IsStale(Now, Year));
        Assert.True(FactProvenance.Recorded(FactSource.Dealer, Now).Confirmed(Now - (2 * Year), "agent-1").IsStale(Now, Year));
    }

    [Theory]
    [InlineData(RelationshipKind.CaregiverOf, "caregiver-of", "cared-for-by")]
    [InlineData(RelationshipKind.ParentOf, "parent-of", "child-of")]
    [InlineData(RelationshipKind.HealthcareProfessionalOf, "healthcare-professional-of", "patient-of")]
    public void A_relationship_reads_one_way_from_each_end(RelationshipKind kind, string name, string inverse)
    {
        Assert.Equal(name, KebabCase.Of(kind));
        Assert.Equal(inverse, PeopleNames.Inverse(kind));
    }

    [Theory]
    [InlineData("caregiver-of", RelationshipKind.CaregiverOf)]
    [InlineData(" Parent-Of ", RelationshipKind.ParentOf)]
    public void A_term_is_read_in_any_case_and_trimmed(string text, RelationshipKind expected)
    {
        Assert.True(KebabCase.TryParse<RelationshipKind>(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("caregiverof")]
    [InlineData("cared-for-by")]
    public void An_unknown_term_is_refused(string? text)
    {
        Assert.False(KebabCase.TryParse<RelationshipKind>(text, out _));
    }

    [Fact]
    public void A_contact_is_linked_to_the_one_person_whose_own_number_it_is()
    {
        var owner = Guid.NewGuid();
        var patient = Guid.NewGuid();

        Assert.Equal(owner, LookupCallers.ContactPerson([
            new LookupCallers.Match(owner, "王丽", LookupCallers.Self, null),
            new LookupCallers.Match(patient, "王建国", LookupCallers.Caregiver, owner),
        ]));
    }

    [Fact]
    public void A_contact_from_a_number_no_one_or_several_people_own_is_linked_to_no_one()
    {
        var caregiver = Guid.NewGuid();

        Assert.Null(LookupCallers.ContactPerson([]));
        Assert.Null(LookupCallers.ContactPerson([new LookupCallers.Match(Guid.NewGuid(), "王建国", LookupCallers.Caregiver, caregiver)]));
        Assert.Null(LookupCallers.ContactPerson([
            new LookupCallers.Match(Guid.NewGuid(), "王丽", LookupCallers.Self, null),
            new LookupCallers.Match(Guid.NewGuid(), "王强", LookupCallers.Self, null),
        ]));
    }
}
