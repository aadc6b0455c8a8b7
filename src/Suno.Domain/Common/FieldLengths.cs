namespace Suno.Domain.Common;

/// <summary>Column lengths shared by the EF configurations and the validators, so they cannot drift.</summary>
public static class FieldLengths
{
    public const int Id = 64;
    public const int Status = 32;
    public const int Action = 16;
    public const int FailReason = 2000;
    public const int Url = 2048;
    public const int IdempotencyKey = 255;
    public const int LeaseOwner = 128;
    public const int AccountName = 128;
    public const int Title = 200;
    public const int ModelName = 64;
    public const int Tags = 1000;
    public const int NegativeTags = 1000;
    public const int Prompt = 5000;
    public const int DescriptionPrompt = 3000;
    public const int ClipType = 64;
    public const int Period = 32;
    public const int LastError = 2000;

    /// <summary>A tenant id: "pool" or "req-" and 32 hex digits.</summary>
    public const int TenantId = 64;

    /// <summary>A SHA-256 in hex.</summary>
    public const int Hash = 64;
}
