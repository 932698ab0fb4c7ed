using CareDesk.Features.Imports.Matching;

namespace CareDesk.Features.Imports.Running;

/// <summary>
/// The people one import has met, found by phone and by name with date of birth: the rows already matched and the
/// people of CareDesk the batches looked up. One per run; rebuilt from the database when a run resumes.
/// </summary>
public sealed class PersonIndex
{
    private readonly Dictionary<Guid, KnownPerson> _byId = [];
    private readonly Dictionary<string, List<KnownPerson>> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, DateOnly DateOfBirth), List<KnownPerson>> _byNameAndBirth = [];

    public int Count => _byId.Count;

    public bool Contains(Guid id) => _byId.ContainsKey(id);

    public KnownPerson? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>Everyone holding <paramref name="phone"/>, as their own number or as a family member's.</summary>
    public IReadOnlyList<KnownPerson> WithPhone(string phone) => _byPhone.TryGetValue(phone, out var people) ? people : [];

    public IReadOnlyList<KnownPerson> WithNameAndBirth(string name, DateOnly dateOfBirth) =>
        _byNameAndBirth.TryGetValue((NameEquivalence.Normalize(name), dateOfBirth), out var people) ? people : [];

    /// <summary>Adds a person (or returns the one already known by that id).</summary>
    public KnownPerson Add(KnownPerson person)
    {
        if (_byId.TryGetValue(person.Id, out var known))
        {
            return known;
        }

        _byId.Add(person.Id, person);
        foreach (var phone in person.OwnPhones.Concat(person.FamilyPhones))
        {
            Link(phone, person);
        }

        if (person.DateOfBirth is { } born)
        {
            LinkBirth(person, born);
        }

        return person;
    }

    public void AddOwnPhone(KnownPerson person, string phone)
    {
        if (person.OwnPhones.Add(phone) && !person.FamilyPhones.Contains(phone))
        {
            Link(phone, person);
        }
    }

    public void AddFamilyPhone(KnownPerson person, string phone)
    {
        if (person.FamilyPhones.Add(phone) && !person.OwnPhones.Contains(phone))
        {
            Link(phone, person);
        }
    }

    public void SetDateOfBirth(KnownPerson person, DateOnly dateOfBirth)
    {
        if (person.DateOfBirth is null)
        {
            person.DateOfBirth = dateOfBirth;
            LinkBirth(person, dateOfBirth);
        }
    }

    private void Link(string phone, KnownPerson person)
    {
        if (!_byPhone.TryGetValue(phone, out var people))
        {
            _byPhone[phone] = people = [];
        }

        people.Add(person);
    }

    private void LinkBirth(KnownPerson person, DateOnly born)
    {
        var key = (NameEquivalence.Normalize(person.Name), born);
        if (!_byNameAndBirth.TryGetValue(key, out var people))
        {
            _byNameAndBirth[key] = people = [];
        }

        people.Add(person);
    }
}
