namespace ZohoCrm.Simulator.Storage;

internal enum DeleteOutcome
{
    Deleted,
    NotFound,
    Locked,
}
