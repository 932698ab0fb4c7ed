using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People.Search;

/// <summary>
/// One word a person is found by (<see cref="SearchTerms"/>), derived from one source: the person's name
/// (<see cref="SourceId"/> is the person's id) or one of their phone numbers (the contact point's id). Kept in step
/// with people and contact points by <see cref="SearchTermIndexer"/> in the same save; not audited, since the change
/// that made it is.
/// </summary>
[NotAudited]
public sealed class PersonSearchTerm
{
    public Guid PersonId { get; set; }

    public Guid SourceId { get; set; }

    /// <summary>Compared byte by byte, so a prefix is a range of the index on every database and collation.</summary>
    [BytewiseOrder]
    public required string Term { get; set; }
}

internal sealed class PersonSearchTermConfiguration : IEntityTypeConfiguration<PersonSearchTerm>
{
    public void Configure(EntityTypeBuilder<PersonSearchTerm> builder)
    {
        builder.ToTable("person_search_terms");
        // The key leads with the person: a source's terms are replaced, and a deleted person's cascade, by its prefix.
        builder.HasKey(t => new { t.PersonId, t.SourceId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(SearchTerms.MaxLength);
        // The search: a prefix range of terms, read from the index alone.
        builder.HasIndex(t => new { t.Term, t.PersonId });
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
