namespace Microsoft.Azure.Functions.Worker.Http;

public enum SameSite
{
    None = 0,
    Lax = 1,
    Strict = 2,
    ExplicitNone = 3,
}
