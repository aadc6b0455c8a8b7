namespace Suno.Domain.Accounts;

/// <summary>Whether an account can take work. Stored as the lower-case name.</summary>
public enum AccountStatus
{
    /// <summary>Usable.</summary>
    Active = 0,

    /// <summary>Not enough credits for a generation; skipped until billing shows credits again.</summary>
    Exhausted = 1,

    /// <summary>The cookie no longer works; skipped until it is replaced.</summary>
    Invalid = 2,
}
