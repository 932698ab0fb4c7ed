using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;

namespace CareDesk.Features.Contacts;

/// <summary>One contact with its transfers, recording and cases; part of a person's record, so the read is audited.</summary>
public sealed class GetContact(ContactAccess access, ContactViews views, AuditTrail audit)
{
    public async Task<Result<ContactView>> RunAsync(Guid id, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, viewer, cancellationToken, tracked: false);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        await audit.RecordReadAsync("Contact", id.ToString(), cancellationToken);
        return await views.BuildAsync(loaded.Value!, viewer.Masked, cancellationToken);
    }
}
