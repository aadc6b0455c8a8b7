namespace Suno.Domain.Common;

/// <summary>A rule of the domain was broken (for example an illegal task status transition).</summary>
public class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
