using System.Globalization;
using System.Text.Json;
using CareDesk.Features.Devices;
using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CareDesk.Features.Imports.Running;

/// <summary>
/// Runs an accepted import in the background: every record of every file, in order, normalized, matched to the people
/// CareDesk and the import already know (<see cref="RowMatcher"/>), and written a batch at a time — people, phones,
/// addresses, devices, relationships, the report's rows and the checkpoint in one save. A run killed mid-import
/// resumes after its last saved batch: the people it created are read back into its index, so nobody is created twice.
/// </summary>
public sealed class RunImport(
    CareDeskDbContext db,
    ImportStorage storage,
    ImportRowNormalizer normalizer,
    AuditTrail audit,
    IOptions<ImportsOptions> options,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs (or resumes) the import; returns false when there was nothing to do (unknown, done or failed).</summary>
    public async Task<bool> RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        var run = await db.Imports.Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (run is null || run.Status is ImportStatus.Completed or ImportStatus.Failed)
        {
            return false;
        }

        var files = run.Files.OrderBy(f => f.Index).ToList();
        if (files.Any(f => !File.Exists(storage.PathOf(run.Id, f.Index))))
        {
            run.Status = ImportStatus.Failed;
            run.FailureReason = "files_missing";
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var index = new PersonIndex();
        if (run.Status == ImportStatus.Queued)
        {
            foreach (var file in files)
            {
                file.Records = CountRecords(run, file);
            }

            run.RecordsTotal = files.Sum(f => f.Records);
            run.Status = ImportStatus.Running;
            run.StartedAt = time.GetUtcNow();
        }
        else if (run.DryRun)
        {
            // A dry run stored no people to read back: it starts again.
            await db.ImportRows.Where(r => r.ImportId == run.Id).ExecuteDeleteAsync(cancellationToken);
            run.RecordsDone = run.Valid = run.Invalid = run.Created = run.Updated = run.Duplicates = run.ForReview = 0;
            run.FileIndex = run.FileRecordsDone = 0;
        }
        else
        {
            await RebuildAsync(run, index, cancellationToken);
        }

        run.ResumedAt = time.GetUtcNow();
        run.RecordsAtResume = run.RecordsDone;
        await db.SaveChangesAsync(cancellationToken);

        var models = new ModelMatcher(await db.ProductModels.AsNoTracking().ToListAsync(cancellationToken));
        var warranties = await db.ProductModels.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.WarrantyMonths, cancellationToken);
        var batch = new List<SourceRecord>(options.Value.BatchSize);
        for (var fileIndex = run.FileIndex; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            var skip = fileIndex == run.FileIndex ? run.FileRecordsDone : 0;
            await using var content = storage.Open(run.Id, file.Index)!;
            var read = DistributorFileReader.Read(content, file.FileName, new DistributorFileReadOptions { SheetName = file.SheetName, MaxFileBytes = options.Value.MaxFileBytes });
            if (read.IsRejected)
            {
                throw new InvalidOperationException($"Import {run.Id}: stored file {file.Index} no longer reads ({read.Rejection.Reason}).");
            }

            using var opened = read.File;
            foreach (var record in opened.ReadRecords())
            {
                if (record.Number <= skip)
                {
                    continue;
                }

                batch.Add(record);
                if (batch.Count == options.Value.BatchSize)
                {
                    await WriteBatchAsync(run, file, batch, index, models, warranties, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(run, file, batch, index, models, warranties, cancellationToken);
                batch.Clear();
            }

            // The next file starts from its first record.
            run.FileIndex = fileIndex + 1;
            run.FileRecordsDone = 0;
        }

        run.Status = ImportStatus.Completed;
        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordActionAsync(
            run.DryRun ? "checked" : "imported",
            nameof(ImportRun),
            run.Id.ToString(),
            cancellationToken,
            string.Create(CultureInfo.InvariantCulture, $"records {run.RecordsDone}, valid {run.Valid}, invalid {run.Invalid}, created {run.Created}, updated {run.Updated}, duplicates {run.Duplicates}, for review {run.ForReview}"));
        storage.Delete(run.Id);
        return true;
    }

    /// <summary>Marks an import failed (an error no row caused): its stored batches stay, its files are removed.</summary>
    public async Task FailAsync(Guid importId, string reason, CancellationToken cancellationToken)
    {
        await db.Imports.Where(i => i.Id == importId && i.Status != ImportStatus.Completed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Failed).SetProperty(i => i.FailureReason, reason).SetProperty(i => i.FinishedAt, time.GetUtcNow()), cancellationToken);
        storage.Delete(importId);
    }

    private int CountRecords(ImportRun run, ImportFile file)
    {
        using var content = storage.Open(run.Id, file.Index)!;
        var read = DistributorFileReader.Read(content, file.FileName, new DistributorFileReadOptions { SheetName = file.SheetName, MaxFileBytes = options.Value.MaxFileBytes });
        if (read.IsRejected)
        {
            return 0;
        }

        using var opened = read.File;
        return opened.ReadRecords().Count();
    }

    // The people this import created or touched, as they stand, with the first row that named each.
    private async Task RebuildAsync(ImportRun run, PersonIndex index, CancellationToken cancellationToken)
    {
        var firstRows = await db.ImportRows.AsNoTracking()
            .Where(r => r.ImportId == run.Id && (r.Status == ImportRowStatus.Created || r.Status == ImportRowStatus.Updated))
            .Select(r => new { r.PersonId, r.FileIndex, r.Record, r.Status })
            .ToListAsync(cancellationToken);
        var ids = firstRows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var updated = firstRows.Where(r => r.Status == ImportRowStatus.Updated && r.PersonId is not null).Select(r => r.PersonId!.Value).ToHashSet();
        foreach (var chunk in ids.Chunk(1_000))
        {
            await LookUpAsync(index, db.People.Where(p => chunk.Contains(p.Id)), existedBefore: updated.Contains, cancellationToken);
        }

        foreach (var row in firstRows)
        {
            if (row.PersonId is { } id && index.Find(id) is { } person && person.FirstRow is null)
            {
                person.FirstRow = new RowRef(row.FileIndex, row.Record);
            }
        }
    }

    private async Task WriteBatchAsync(
        ImportRun run,
        ImportFile file,
        List<SourceRecord> records,
        PersonIndex index,
        ModelMatcher models,
        IReadOnlyDictionary<string, int?> warranties,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var provenance = new FactProvenance { Source = run.SourceKind, RecordedAt = now, ImportId = run.Id };
        var rows = new List<(SourceRecord Record, NormalizedRow? Row, List<ImportProblem>? Problems)>(records.Count);
        foreach (var record in records)
        {
            if (!record.IsValid)
            {
                rows.Add((record, null, [new ImportProblem(null, null, record.Problem!, record.Raw ?? "")]));
                continue;
            }

            var cells = file.Mapping.ToDictionary(kv => kv.Key, kv => record.CellAt(kv.Value), StringComparer.Ordinal);
            var normalized = normalizer.Normalize(cells, run.DefaultRegion);
            rows.Add(normalized.Accepted
                ? (record, normalized.Row, null)
                : (record, null, [.. normalized.Problems.Select(p => new ImportProblem(p.Field, ColumnOf(file, p.Field), ReasonCode(p.Reason), p.Raw))]));
        }

        await LookUpExistingAsync(index, rows.Where(r => r.Row is not null).Select(r => r.Row!).ToList(), cancellationToken);

        // One transaction per batch: its people, its report rows and the checkpoint commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var counted = (Valid: 0, Invalid: 0, Created: 0, Updated: 0, Duplicates: 0, ForReview: 0);
        foreach (var (record, row, problems) in rows)
        {
            var reportRow = new ImportRow { ImportId = run.Id, FileIndex = file.Index, Record = record.Number, Line = record.Line };
            db.ImportRows.Add(reportRow);
            if (row is null)
            {
                reportRow.Status = ImportRowStatus.Invalid;
                reportRow.Errors = JsonSerializer.Serialize(problems, Json);
                counted.Invalid++;
                continue;
            }

            counted.Valid++;
            var notes = new List<string>();
            var modelId = models.Match(row.Model);
            if (row.Model is not null && modelId is null)
            {
                notes.Add(ImportNote.ModelNotIdentified);
            }

            var phones = row.Mobile.Concat(row.Phone).Select(p => p.E164).Distinct(StringComparer.Ordinal).ToList();
            var mobiles = row.Mobile.Concat(row.Phone)
                .Where(p => p.Type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
                .Select(p => p.E164)
                .ToHashSet(StringComparer.Ordinal);
            var match = RowMatcher.Match(index, row.Name, row.DateOfBirth, phones, mobiles, row.Remark);
            var person = match.Person;
            if (person is null)
            {
                person = index.Add(new KnownPerson(Guid.CreateVersion7(), row.Name, row.DateOfBirth, existedBefore: false));
                person.FirstRow = new RowRef(file.Index, record.Number);
                reportRow.Status = ImportRowStatus.Created;
                counted.Created++;
                if (!run.DryRun)
                {
                    db.People.Add(new Person
                    {
                        Id = person.Id,
                        DisplayName = row.Name,
                        Kind = PersonKind.Patient,
                        DateOfBirth = row.DateOfBirth,
                        Sex = row.Gender,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }
            }
            else
            {
                reportRow.Basis = match.Basis;
                if (person.FirstRow is { } first)
                {
                    reportRow.Status = ImportRowStatus.Duplicate;
                    reportRow.DuplicateOfFile = first.File;
                    reportRow.DuplicateOfRecord = first.Record;
                    counted.Duplicates++;
                }
                else
                {
                    person.FirstRow = new RowRef(file.Index, record.Number);
                    reportRow.Status = ImportRowStatus.Updated;
                    counted.Updated++;
                }

                if (match.ForReview)
                {
                    notes.Add(ImportNote.ForReview);
                    counted.ForReview++;
                    if (!run.DryRun)
                    {
                        db.DuplicateCandidates.Add(new DuplicateCandidate { PersonId = person.Id, ImportId = run.Id, FileIndex = file.Index, Record = record.Number, Basis = match.Basis!, CreatedAt = now });
                    }
                }

                if (row.DateOfBirth is { } born && person.DateOfBirth is null)
                {
                    index.SetDateOfBirth(person, born);
                    if (!run.DryRun)
                    {
                        await db.People.Where(p => p.Id == person.Id && p.DateOfBirth == null)
                            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, born), cancellationToken);
                    }
                }
            }

            reportRow.PersonId = run.DryRun && !person.ExistedBefore ? null : person.Id;
            WritePhones(run, row, match, person, index, provenance, notes);
            WriteAddress(run, row, person, provenance);
            if (modelId is not null)
            {
                WriteDevice(run, row, modelId, warranties.GetValueOrDefault(modelId), person, provenance, notes);
            }

            reportRow.Values = JsonSerializer.Serialize(ImportedValues.Of(row, modelId), Json);
            reportRow.Notes = notes.Count == 0 ? null : string.Join(',', notes.Distinct());
        }

        run.RecordsDone += records.Count;
        run.Valid += counted.Valid;
        run.Invalid += counted.Invalid;
        run.Created += counted.Created;
        run.Updated += counted.Updated;
        run.Duplicates += counted.Duplicates;
        run.ForReview += counted.ForReview;
        run.FileIndex = file.Index;
        run.FileRecordsDone = records[^1].Number;
        // One audit entry for the batch, naming every person it created or touched (docs/imports.md, "Audit"); the
        // report rows keep what was done to each.
        var touched = db.ImportRows.Local.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value.ToString()).ToList();
        await db.SaveAsOneActionAsync(
            run.DryRun ? "checked-rows" : "imported-rows",
            nameof(ImportRun),
            run.Id.ToString(),
            touched,
            string.Create(CultureInfo.InvariantCulture, $"file {file.Index} records {records[0].Number}-{records[^1].Number}: created {counted.Created}, updated {counted.Updated}, duplicates {counted.Duplicates}, invalid {counted.Invalid}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The next batch tracks only its own rows: memory stays flat however long the file.
        var keep = db.Entry(run);
        db.ChangeTracker.Clear();
        db.Attach(keep.Entity);
    }

    private void WritePhones(ImportRun run, NormalizedRow row, RowMatch match, KnownPerson person, PersonIndex index, FactProvenance provenance, List<string> notes)
    {
        var typed = row.Mobile.Concat(row.Phone).GroupBy(p => p.E164).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var primary = person.OwnPhones.Count == 0;
        foreach (var decision in match.Phones)
        {
            var phone = typed[decision.Phone];
            switch (decision.Fate)
            {
                case PhoneFate.Own or PhoneFate.SharedLandline or PhoneFate.Family:
                    if (decision.Fate == PhoneFate.Family)
                    {
                        index.AddFamilyPhone(person, decision.Phone);
                        notes.Add(ImportNote.FamilyPhone);
                    }
                    else
                    {
                        index.AddOwnPhone(person, decision.Phone);
                    }

                    if (decision.Fate == PhoneFate.SharedLandline)
                    {
                        notes.Add(ImportNote.SharedLandline);
                    }

                    if (!run.DryRun)
                    {
                        db.ContactPoints.Add(new ContactPoint
                        {
                            PersonId = person.Id,
                            Kind = ContactPointKind.Phone,
                            Type = decision.Fate == PhoneFate.Family ? "family" : TypeOf(phone.Type),
                            Value = phone.E164,
                            Raw = phone.Extension is { } extension ? $"{phone.E164} ext. {extension}" : null,
                            LastDigits = phone.E164[^4..],
                            IsPrimary = primary,
                            Provenance = provenance,
                        });
                    }

                    primary = false;
                    foreach (var caredFor in decision.CaredFor ?? [])
                    {
                        AddCaregiver(run, from: person, to: caredFor, provenance);
                        notes.Add(ImportNote.FamilyPhone);
                    }

                    break;
                case PhoneFate.Caregiver:
                    AddCaregiver(run, from: decision.Owner!, to: person, provenance);
                    notes.Add(ImportNote.FamilyPhone);
                    break;
            }
        }
    }

    private void AddCaregiver(ImportRun run, KnownPerson from, KnownPerson to, FactProvenance provenance)
    {
        if (run.DryRun || from.Id == to.Id || !from.CaregiverOf.Add(to.Id))
        {
            return;
        }

        db.Relationships.Add(new Relationship { FromPersonId = from.Id, ToPersonId = to.Id, Kind = RelationshipKind.CaregiverOf, Provenance = provenance });
    }

    private void WriteAddress(ImportRun run, NormalizedRow row, KnownPerson person, FactProvenance provenance)
    {
        var line = row.Address ?? row.City ?? row.Province;
        if (line is null || !person.AddressLines.Add(line) || run.DryRun)
        {
            return;
        }

        db.Addresses.Add(new Address
        {
            PersonId = person.Id,
            Type = "home",
            Line1 = line,
            City = row.City,
            Region = row.Province,
            Country = row.Country ?? run.DefaultRegion,
            Provenance = provenance,
        });
    }

    private void WriteDevice(ImportRun run, NormalizedRow row, string modelId, int? warrantyMonths, KnownPerson person, FactProvenance provenance, List<string> notes)
    {
        var key = $"{modelId}\u0001{row.Serial}";
        if (!person.Serials.Add(key))
        {
            notes.Add(ImportNote.DeviceKnown);
            return;
        }

        if (run.DryRun)
        {
            return;
        }

        var device = new Device
        {
            PersonId = person.Id,
            ModelId = modelId,
            SerialNumber = row.Serial,
            PurchaseDate = row.PurchaseDate,
            WarrantyEnd = Device.ComputeWarrantyEnd(row.PurchaseDate, warrantyMonths),
            Status = DeviceStatus.InUse,
            Provenance = provenance,
        };
        // The registration event writes the follow-up events (day 7 after a purchase…) as any registration does.
        device.Events.Add(new DeviceEvent { DeviceId = device.Id, Kind = DeviceEventKind.Registered, At = provenance.RecordedAt, RecordedBy = run.CreatedBy });
        db.Devices.Add(device);
    }

    // The people of CareDesk the batch's phones and names with birth dates name, not yet in the index.
    private async Task LookUpExistingAsync(PersonIndex index, List<NormalizedRow> rows, CancellationToken cancellationToken)
    {
        var phones = rows.SelectMany(r => r.Mobile.Concat(r.Phone)).Select(p => p.E164).Distinct(StringComparer.Ordinal).ToList();
        var names = rows.Where(r => r.DateOfBirth is not null).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        var byPhone = db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone && phones.Contains(c.Value)).Select(c => c.PersonId);
        // A person merged into another is an empty shell: the survivor holds their data and is found instead.
        var byName = db.People.Where(p => p.MergedIntoId == null && p.DateOfBirth != null && names.Contains(p.DisplayName)).Select(p => p.Id);
        var ids = await byPhone.Union(byName).Distinct().ToListAsync(cancellationToken);
        ids.RemoveAll(index.Contains);
        if (ids.Count > 0)
        {
            await LookUpAsync(index, db.People.Where(p => ids.Contains(p.Id)), existedBefore: _ => true, cancellationToken);
        }
    }

    private async Task LookUpAsync(PersonIndex index, IQueryable<Person> people, Func<Guid, bool> existedBefore, CancellationToken cancellationToken)
    {
        var found = await people.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.DisplayName,
                p.DateOfBirth,
                Phones = p.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone).Select(c => new { c.Value, c.Type }).ToList(),
                Lines = p.Addresses.Select(a => a.Line1).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = found.Select(p => p.Id).ToList();
        var serials = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PersonId))
            .Select(d => new { d.PersonId, d.ModelId, d.SerialNumber })
            .ToListAsync(cancellationToken);
        var caregivers = await db.Relationships.AsNoTracking().Where(r => ids.Contains(r.FromPersonId) && r.Kind == RelationshipKind.CaregiverOf)
            .Select(r => new { r.FromPersonId, r.ToPersonId })
            .ToListAsync(cancellationToken);
        foreach (var p in found)
        {
            var person = new KnownPerson(p.Id, p.DisplayName, p.DateOfBirth, existedBefore(p.Id));
            foreach (var phone in p.Phones)
            {
                (phone.Type == "family" ? person.FamilyPhones : person.OwnPhones).Add(phone.Value);
            }

            person.AddressLines.UnionWith(p.Lines);
            person.Serials.UnionWith(serials.Where(d => d.PersonId == p.Id).Select(d => $"{d.ModelId}\u0001{d.SerialNumber}"));
            person.CaregiverOf.UnionWith(caregivers.Where(r => r.FromPersonId == p.Id).Select(r => r.ToPersonId));
            index.Add(person);
        }
    }

    private static string? ColumnOf(ImportFile file, string field) =>
        file.Mapping.TryGetValue(field, out var column) && column < file.Headers.Count ? file.Headers[column] : null;

    private static string ReasonCode(CellReason reason) => JsonSerializer.Serialize(reason).Trim('"');

    private static string TypeOf(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE => "mobile",
        PhoneNumberType.FIXED_LINE => "home",
        _ => "other",
    };
}
