namespace Suno.FakeUpstream;

/// <summary>A persona registered with <see cref="FakeSunoState.AddPersona"/>.</summary>
public sealed class FakePersona
{
    internal FakePersona(string id, FakeAccount owner, string name, string description, IReadOnlyList<string> clipIds, bool isPublic)
    {
        Id = id;
        Owner = owner;
        Name = name;
        Description = description;
        ClipIds = clipIds;
        IsPublic = isPublic;
    }

    public string Id { get; }
    public FakeAccount Owner { get; }
    public string Name { get; }
    public string Description { get; }

    /// <summary>The persona's clips; the first is its root clip.</summary>
    public IReadOnlyList<string> ClipIds { get; }

    public bool IsPublic { get; }
}
