namespace ZohoCrm.Simulator.Apis;

/// <summary>Carries an <see cref="ApiError"/> out of deep validation code to the handler that writes it.</summary>
internal sealed class ApiErrorException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
