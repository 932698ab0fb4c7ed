using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People;

internal static class ProvenanceMapping
{
    public static void Configure(ComplexPropertyBuilder<FactProvenance> provenance)
    {
        provenance.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        provenance.Property(p => p.VerifiedBy).HasMaxLength(450);
    }
}
