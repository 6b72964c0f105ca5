import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

export enum CircuitState {
  CLOSED = 'CLOSED',
  OPEN = 'OPEN',
  HALF_OPEN = 'HALF_OPEN',
}
registerEnumType(CircuitState, {
  name: 'CircuitState',
  valuesConfig: {
    CLOSED: { description: 'Calls flow normally' },
    OPEN: { description: 'Recent calls failed in a row: calls fail fast until the open period ends' },
    HALF_OPEN: { description: 'One trial call decides whether the circuit closes again' },
  },
});

@ObjectType({ description: 'Health of the connection to one external system, over the last 5 minutes' })
export class ConnectorHealthReport {
  @Field({ description: 'permits, social-credit, public-security, case-transfer or hotline-12345' })
  system!: string;

  @Field({ description: 'remote, or simulator when no URL is configured' })
  mode!: string;

  @Field(() => CircuitState)
  circuit!: CircuitState;

  @Field(() => Int)
  recentCalls!: number;

  @Field(() => Float, { description: 'Share of failed calls, 0–1' })
  errorRate!: number;

  @Field(() => Float, { nullable: true })
  p50Ms!: number | null;

  @Field(() => Float, { nullable: true })
  p95Ms!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastErrorAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastErrorCode!: string | null;
}
