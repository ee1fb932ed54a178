namespace ZohoCrm.Simulator.Model;

/// <summary>The <c>Data_Processing_Basis_Details</c> consent record of a lead or contact.</summary>
internal sealed class ConsentDetails
{
    public required long Id { get; init; }

    public required string DataProcessingBasis { get; init; }

    public required string ConsentThrough { get; init; }

    public required bool ContactThroughEmail { get; init; }

    public required bool ContactThroughPhone { get; init; }

    public required string? ConsentDate { get; init; }

    public required long CreatedUnix { get; init; }
}
